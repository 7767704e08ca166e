import { defineContract, is } from '../contract.js';

/** The landlord did not complete a letting: the tenant's queue time is restored. */
export interface LettingCancelledV1 {
  readonly listingId: string;
  readonly tenantApplicantId: string;
  readonly on: string;
}

export const LettingCancelledV1 = defineContract<LettingCancelledV1>('listings.letting-cancelled.v1', 1, {
  listingId: is.uuid,
  tenantApplicantId: is.uuid,
  on: is.isoDate,
});
