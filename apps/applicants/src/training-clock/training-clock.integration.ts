import { integrationMessage } from '../../../../libs/bus/src/index.js';
import type { IntegrationMessage } from '../../../../libs/bus/src/bus.port.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { TrainingClockMovedV1 } from '../../../../libs/contracts/src/index.js';
import { TRAINING_CLOCK_STREAM, type TrainingClockMoved } from './training-clock.decider.js';

/** Every app, this one included, follows the shared setting from this message. */
export function trainingClockMessages(event: RecordedEvent): IntegrationMessage[] {
  const { offsetDays, businessDate } = (event as unknown as TrainingClockMoved).data;
  return [integrationMessage(event, TrainingClockMovedV1.type, TRAINING_CLOCK_STREAM, { offsetDays, businessDate } satisfies TrainingClockMovedV1)];
}
