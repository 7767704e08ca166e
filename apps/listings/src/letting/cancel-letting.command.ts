import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { assertStaffOrListingsLandlord } from './letting.access.js';
import type { LettingState } from './letting.decider.js';
import { LettingService } from './letting.service.js';

/** POST …/letting/cancel: the landlord did not complete the letting; the tenant's queue time is restored. */
export class CancelLetting extends Command<{ readonly listingId: string; readonly status: LettingState['status'] }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly reason: string,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(CancelLetting)
export class CancelLettingHandler implements ICommandHandler<CancelLetting, { readonly listingId: string; readonly status: LettingState['status'] }> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, reason, expectedRevision }: CancelLetting) {
    const { context } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    const result = await this.letting.handle(listingId, (_view, _rules, now) => ({ type: 'cancel-letting', reason, now, by: user.id }), { id: user.id, expectedRevision });
    return { listingId, status: result.state.status };
  }
}
