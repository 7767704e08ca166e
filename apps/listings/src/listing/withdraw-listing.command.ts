import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound, type AuthenticatedUser } from '@bostadsko/platform';
import { assertOwnListingOrStaff, isStaff, landlordOf } from '../access/access.js';
import { ListingEnding } from './listing-ending.js';
import { ListingReader } from './listing.reader.js';

/** POST /listings/:id/withdraw: by its landlord or staff; its open applications are withdrawn with it. */
export class WithdrawListing extends Command<void> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
  ) {
    super();
  }
}

@CommandHandler(WithdrawListing)
export class WithdrawListingHandler implements ICommandHandler<WithdrawListing, void> {
  constructor(
    private readonly reader: ListingReader,
    private readonly ending: ListingEnding,
  ) {}

  async execute({ user, listingId }: WithdrawListing): Promise<void> {
    const listing = await this.reader.get(listingId);
    if (!listing) throw new NotFound('No such listing');
    assertOwnListingOrStaff(user, listing.published.landlordId);
    await this.ending.end(listingId, 'withdrawn-by-landlord', user.id, isStaff(user) ? undefined : landlordOf(user));
  }
}
