import { defineContract, is } from '../contract.js';

/** The landlord approved or rejected a proposed tenant (rejection always has a reason). */
export interface ProposalDecidedV1 {
  readonly proposalId: string;
  readonly listingId: string;
  readonly landlordId: string;
  readonly decision: 'approved' | 'rejected';
  readonly reason: string | null;
  readonly decidedAt: string;
}

export const ProposalDecidedV1 = defineContract<ProposalDecidedV1>('listings.proposal-decided.v1', 1, {
  proposalId: is.uuid,
  listingId: is.uuid,
  landlordId: is.uuid,
  decision: is.oneOf('approved', 'rejected'),
  reason: is.orNull(is.text),
  decidedAt: is.isoInstant,
});
