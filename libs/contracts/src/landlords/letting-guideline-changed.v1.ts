import { defineContract, is } from '../contract.js';

/** The standard requirements of one landlord; null means "no such requirement". */
export interface StandardRequirements {
  /** Minimum yearly income as a multiple of the yearly rent (non-taxable income counts ×1.5). */
  readonly incomeMultiple: number | null;
  readonly maxHouseholdSize: number | null;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly noPaymentRemarks: boolean;
}

/**
 * A landlord's letting guideline: the requirements that prefill its new
 * listings, with overrides per listing type (youth, senior, student, ...).
 * It applies to listings published from `effectiveFrom`; published listings keep theirs.
 */
export interface LettingGuidelineChangedV1 {
  readonly landlordId: string;
  readonly effectiveFrom: string;
  readonly standard: StandardRequirements;
  readonly byListingType: Readonly<Record<string, StandardRequirements>>;
}

const requirements = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return is.orNull(is.amount)(r.incomeMultiple) && is.orNull(is.count)(r.maxHouseholdSize) && is.orNull(is.count)(r.minAge) && is.orNull(is.count)(r.maxAge) && is.boolean(r.noPaymentRemarks);
};

export const LettingGuidelineChangedV1 = defineContract<LettingGuidelineChangedV1>('landlords.letting-guideline-changed.v1', 1, {
  landlordId: is.uuid,
  effectiveFrom: is.isoDate,
  standard: requirements,
  byListingType: (v) => typeof v === 'object' && v !== null && Object.values(v).every(requirements),
});
