import { defineContract, is } from '../contract.js';

/** A listing ended without a letting: withdrawn by the landlord, ended by a terminated agreement, or no one to let to. */
export interface ListingWithdrawnV1 {
  readonly listingId: string;
  readonly landlordId: string;
  readonly on: string;
  readonly reason: 'withdrawn-by-landlord' | 'agreement-terminated' | 'no-eligible-applicant';
}

export const ListingWithdrawnV1 = defineContract<ListingWithdrawnV1>('listings.listing-withdrawn.v1', 1, {
  listingId: is.uuid,
  landlordId: is.uuid,
  on: is.isoDate,
  reason: is.oneOf('withdrawn-by-landlord', 'agreement-terminated', 'no-eligible-applicant'),
});
