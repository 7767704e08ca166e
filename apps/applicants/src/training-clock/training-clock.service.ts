import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, EventSchemas } from '@bostadsko/command-handling';
import { Clock, TrainingClock } from '@bostadsko/clock';
import { Conflict, PLATFORM_CONFIG, type PlatformConfig } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { decide, evolve, initialTrainingClock, TRAINING_CLOCK_STREAM, type MoveTrainingClock, type TrainingClockMoved, type TrainingClockState } from './training-clock.decider.js';

/** Moves the shared training clock: appends to its stream, whose relay message every app (this one too) follows. */
@Injectable()
export class TrainingClockService {
  private readonly handler: DeciderHandler<MoveTrainingClock, TrainingClockMoved, TrainingClockState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly clock: Clock,
  ) {
    this.handler = new DeciderHandler(infra.store, {
      decider: { decide, evolve, initialState: initialTrainingClock },
      streamId: () => TRAINING_CLOCK_STREAM,
      schemas: new EventSchemas<TrainingClockMoved>({ 'training-clock-moved': 1 }),
    });
  }

  async move(command: MoveTrainingClock, correlationId: string): Promise<void> {
    if (this.config.RUN_MODE === 'production' || !(this.clock instanceof TrainingClock)) {
      throw new Conflict('The training clock cannot be moved in production mode: business time is real time', {
        type: 'https://bostadsko.se/problems/training-clock-in-production',
      });
    }
    // A concurrent move is decided again on the state it left: "15 days on" moves on from there, "to a date" may then be backwards (422).
    const { state } = await this.handler.handle(command, { correlationId, actor: command.movedBy });
    // At once here, so the answer shows the new date; the other apps follow over the bus within a second.
    this.clock.moveTo(state.offsetDays);
  }
}
