import { defineContract, is } from '../contract.js';

export const LISTING_TYPES = ['regular', 'youth', 'senior', 'student', 'short-term', 'first-come', 'lottery'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

/** Where a flat is and what it is: shared by the listing contracts for statistics and landlords' reports. */
export interface FlatFacts {
  readonly listingId: string;
  readonly landlordId: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  /** SEK per month. */
  readonly monthlyRent: number;
  readonly listingType: ListingType;
}

export const flatFactChecks = {
  listingId: is.uuid,
  landlordId: is.uuid,
  municipality: is.text,
  district: is.text,
  rooms: (v: unknown) => typeof v === 'number' && v > 0,
  areaM2: (v: unknown) => typeof v === 'number' && v > 0,
  monthlyRent: is.amount,
  listingType: is.oneOf(...LISTING_TYPES),
};

export interface ListingPublishedV1 extends FlatFacts {
  readonly publishedOn: string;
  readonly applicationDeadline: string;
  readonly moveInDate: string;
}

export const ListingPublishedV1 = defineContract<ListingPublishedV1>('listings.listing-published.v1', 1, {
  ...flatFactChecks,
  publishedOn: is.isoDate,
  applicationDeadline: is.isoDate,
  moveInDate: is.isoDate,
});
