import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MoveTrainingClock as Move } from './training-clock.decider.js';
import { TrainingClockService } from './training-clock.service.js';

/** An administrator moves every app's business date forward (never in production). */
export class MoveTrainingClock extends Command<void> {
  constructor(
    readonly move: Move,
    readonly correlationId: string,
  ) {
    super();
  }
}

@CommandHandler(MoveTrainingClock)
export class MoveTrainingClockHandler implements ICommandHandler<MoveTrainingClock, void> {
  constructor(private readonly trainingClock: TrainingClockService) {}

  execute({ move, correlationId }: MoveTrainingClock): Promise<void> {
    return this.trainingClock.move(move, correlationId);
  }
}
