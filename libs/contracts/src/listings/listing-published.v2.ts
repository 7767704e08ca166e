import { defineContract, is } from '../contract.js';
import { flatFactChecks, type ListingPublishedV1 } from './listing-published.v1.js';

const age = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 120);

/**
 * v1 plus the age range a seeker must be in (the age they turn in the deadline's
 * year), so a consumer can tell who may apply without asking listings: the
 * messages app alerts only seekers who are eligible. Published beside v1, which
 * its consumers keep reading unchanged.
 */
export interface ListingPublishedV2 extends ListingPublishedV1 {
  readonly minAge: number | null;
  readonly maxAge: number | null;
}

export const ListingPublishedV2 = defineContract<ListingPublishedV2>('listings.listing-published.v2', 2, {
  ...flatFactChecks,
  publishedOn: is.isoDate,
  applicationDeadline: is.isoDate,
  moveInDate: is.isoDate,
  minAge: age,
  maxAge: age,
});
