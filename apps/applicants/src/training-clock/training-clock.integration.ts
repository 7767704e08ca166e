import { integrationMessage, type IntegrationMessage } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import { TrainingClockMovedV1 } from '@bostadsko/contracts';
import { TRAINING_CLOCK_STREAM, type TrainingClockMoved } from './training-clock.decider.js';

/** Every app, this one included, follows the shared setting from this message. */
export function trainingClockMessages(event: RecordedEvent): IntegrationMessage[] {
  const { offsetDays, businessDate } = (event as unknown as TrainingClockMoved).data;
  return [integrationMessage(event, TrainingClockMovedV1.type, TRAINING_CLOCK_STREAM, { offsetDays, businessDate } satisfies TrainingClockMovedV1)];
}
