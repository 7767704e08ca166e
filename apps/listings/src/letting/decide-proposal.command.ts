import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { assertListingsLandlord } from './letting.access.js';
import { stage } from './letting.explanation.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';

interface Decided {
  readonly listingId: string;
  readonly proposalId: string;
  readonly decision: 'approved' | 'rejected';
  readonly stage: ReturnType<typeof stage>;
}

/** POST …/proposals/:id/approve or …/reject: the listing's landlord decides on the proposed tenant. */
export class DecideProposal extends Command<LettingAnswer<Decided>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly proposalId: string,
    readonly decision: 'approve' | 'reject',
    readonly reason: string | undefined,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(DecideProposal)
export class DecideProposalHandler implements ICommandHandler<DecideProposal, LettingAnswer<Decided>> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, proposalId, decision, reason, expectedRevision }: DecideProposal): Promise<LettingAnswer<Decided>> {
    const { context } = await this.letting.load(listingId);
    assertListingsLandlord(user, context.landlordId);
    const result = await this.letting.handle(listingId, (_view, _rules, now) => ({ type: 'decide-proposal', proposalId, decision, reason, now, by: user.id }), { id: user.id, expectedRevision });
    return { answer: { listingId, proposalId, decision: decision === 'approve' ? 'approved' : 'rejected', stage: stage(result.state, result.context) }, revision: result.revision };
  }
}
