import { defineContract, is } from '../contract.js';

/**
 * A flat was let to a seeker through the agency. `usesQueueTime` is false for
 * short-term and first-come lettings, which keep the tenant's queue time.
 */
export interface ListingLetV1 {
  readonly listingId: string;
  readonly tenantApplicantId: string;
  readonly contractDate: string;
  readonly listingType: string;
  readonly usesQueueTime: boolean;
}

export const ListingLetV1 = defineContract<ListingLetV1>('listings.listing-let.v1', 1, {
  listingId: is.uuid,
  tenantApplicantId: is.uuid,
  contractDate: is.isoDate,
  listingType: (v) => typeof v === 'string' && v.length > 0,
  usesQueueTime: (v) => typeof v === 'boolean',
});
