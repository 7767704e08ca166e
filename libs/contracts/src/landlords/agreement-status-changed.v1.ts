import { defineContract, is } from '../contract.js';

/**
 * The landlord's agreement has a new status from a date. A landlord may publish
 * on a date when its latest status effective on or before that date is `active`.
 * Signing with a future effective date is `active` from that date; termination
 * with a notice date is `terminated` from the notice date, and consumers end the
 * landlord's open listings once that date is reached.
 */
export interface AgreementStatusChangedV1 {
  readonly landlordId: string;
  readonly agreementId: string;
  readonly status: 'active' | 'suspended' | 'terminated';
  readonly effectiveFrom: string;
  readonly reason: string;
}

export const AgreementStatusChangedV1 = defineContract<AgreementStatusChangedV1>('landlords.agreement-status-changed.v1', 1, {
  landlordId: is.uuid,
  agreementId: is.uuid,
  status: is.oneOf('active', 'suspended', 'terminated'),
  effectiveFrom: is.isoDate,
  reason: is.text,
});
