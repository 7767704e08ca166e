import { defineContract, is } from '../contract.js';

/**
 * The agency proposed a verified applicant to the landlord. Only what the
 * landlord needs to decide; contact details are shown to the landlord by the
 * listings API, never carried on the bus.
 */
export interface TenantProposedV1 {
  readonly proposalId: string;
  readonly listingId: string;
  readonly landlordId: string;
  readonly applicantId: string;
  /** 1 for the best-ranked applicant. */
  readonly place: number;
  readonly householdSize: number;
  readonly requirementsVerified: boolean;
  readonly proposedAt: string;
}

export const TenantProposedV1 = defineContract<TenantProposedV1>('listings.tenant-proposed.v1', 1, {
  proposalId: is.uuid,
  listingId: is.uuid,
  landlordId: is.uuid,
  applicantId: is.uuid,
  place: (v) => Number.isInteger(v) && (v as number) >= 1,
  householdSize: (v) => Number.isInteger(v) && (v as number) >= 1,
  requirementsVerified: is.boolean,
  proposedAt: is.isoInstant,
});
