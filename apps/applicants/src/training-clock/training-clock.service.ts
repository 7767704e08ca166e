import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock, TrainingClock } from '@bostadsko/clock';
import { Conflict, PLATFORM_CONFIG, type PlatformConfig } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { decide, evolve, initialTrainingClock, TRAINING_CLOCK_STREAM, type MoveTrainingClock, type TrainingClockMoved } from './training-clock.decider.js';

/** Moves the shared training clock: appends to its stream, whose relay message every app (this one too) follows. */
@Injectable()
export class TrainingClockService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly clock: Clock,
  ) {}

  async move(command: MoveTrainingClock, correlationId: string): Promise<void> {
    if (this.config.RUN_MODE === 'production' || !(this.clock instanceof TrainingClock)) {
      throw new Conflict('The training clock cannot be moved in production mode: business time is real time', {
        type: 'https://bostadsko.se/problems/training-clock-in-production',
      });
    }
    const events = (await this.infra.store.readStream(TRAINING_CLOCK_STREAM)) as unknown as Array<TrainingClockMoved & { revision: bigint }>;
    const state = events.reduce(evolve, initialTrainingClock);
    const [moved] = decide(command, state);
    // The expected revision refuses a concurrent move decided on the same state (409): the admin looks again.
    await this.infra.store.append(
      TRAINING_CLOCK_STREAM,
      [{ id: randomUUID(), type: moved.type, schemaVersion: 1, data: moved.data, metadata: { correlationId, causationId: null, actor: command.movedBy } }],
      events.at(-1)?.revision ?? 'no_stream',
    );
    // At once here, so the answer shows the new date; the other apps follow over the bus within a second.
    this.clock.moveTo(moved.data.offsetDays);
  }
}
