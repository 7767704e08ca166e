import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { LettingService } from './letting.service.js';

interface BackedOut {
  readonly applicationId: string;
  readonly listingId: string;
  readonly outcome: string | null;
  readonly avhopp: boolean;
}

/** POST /applications/:id/back-out: backing out after saying yes, an avhopp. */
export class BackOut extends Command<BackedOut> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly applicationId: string,
    readonly applicantId: string,
  ) {
    super();
  }
}

@CommandHandler(BackOut)
export class BackOutHandler implements ICommandHandler<BackOut, BackedOut> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, applicationId, applicantId }: BackOut): Promise<BackedOut> {
    const result = await this.letting.handle(listingId, (_view, _rules, now) => ({ type: 'back-out', applicationId, applicantId, now }), { id: user.id });
    return { applicationId, listingId, outcome: result.state.candidates[applicationId]?.outcome ?? null, avhopp: result.events.some((e) => e.type === 'backed-out') };
  }
}
