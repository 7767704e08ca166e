import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { assertStaffOrListingsLandlord } from './letting.access.js';
import type { LettingState } from './letting.decider.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';

interface Signed {
  readonly listingId: string;
  readonly proposalId: string;
  readonly status: LettingState['status'];
  readonly contractDate: string | null;
}

/** POST …/proposals/:id/contract: the signed contract; the flat is let. */
export class SignContract extends Command<LettingAnswer<Signed>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly proposalId: string,
    readonly contractDate: string,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(SignContract)
export class SignContractHandler implements ICommandHandler<SignContract, LettingAnswer<Signed>> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, proposalId, contractDate, expectedRevision }: SignContract): Promise<LettingAnswer<Signed>> {
    const { context } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    const result = await this.letting.handle(listingId, (_view, _rules, now) => ({ type: 'sign-contract', proposalId, contractDate, now, by: user.id }), { id: user.id, expectedRevision });
    return { answer: { listingId, proposalId, status: result.state.status, contractDate: result.state.tenant?.contractDate ?? null }, revision: result.revision };
  }
}
