import { defineContract, is } from '../contract.js';
import { flatFactChecks, type FlatFacts } from './listing-published.v1.js';

/**
 * A flat was let to a seeker through the agency. `usesQueueTime` is false for
 * short-term and first-come lettings, which keep the tenant's queue time.
 * The flat facts, the tenant's queue days at the deadline and the days from
 * publication are what the market statistics report on.
 */
export interface ListingLetV1 extends FlatFacts {
  readonly tenantApplicantId: string;
  readonly contractDate: string;
  readonly usesQueueTime: boolean;
  readonly publishedOn: string;
  /** Queue days at the application deadline; null where queue time did not decide (first-come, lottery). */
  readonly tenantQueueDays: number | null;
  readonly applications: number;
}

export const ListingLetV1 = defineContract<ListingLetV1>('listings.listing-let.v1', 1, {
  ...flatFactChecks,
  tenantApplicantId: is.uuid,
  contractDate: is.isoDate,
  usesQueueTime: is.boolean,
  publishedOn: is.isoDate,
  tenantQueueDays: is.orNull(is.count),
  applications: is.count,
});
