import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { stage } from './letting.explanation.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';

interface Advanced {
  readonly listingId: string;
  readonly recorded: readonly string[];
  readonly stage: ReturnType<typeof stage>;
}

/** Deadlines passed and applications ended elsewhere, then the next in line: staff's POST …/letting/advance and the daily job. */
export class AdvanceLetting extends Command<LettingAnswer<Advanced>> {
  constructor(
    readonly listingId: string,
    /** A user id, or the job's name. */
    readonly actor: string,
  ) {
    super();
  }
}

@CommandHandler(AdvanceLetting)
export class AdvanceLettingHandler implements ICommandHandler<AdvanceLetting, LettingAnswer<Advanced>> {
  constructor(private readonly letting: LettingService) {}

  async execute({ listingId, actor }: AdvanceLetting): Promise<LettingAnswer<Advanced>> {
    const result = await this.letting.handle(listingId, async (view, _rules, now) => ({ type: 'advance', withdrawn: await this.letting.withdrawnAmongInvited(view), now }), { id: actor });
    return { answer: { listingId, recorded: result.events.map((e) => e.type), stage: stage(result.state, result.context) }, revision: result.revision };
  }
}
