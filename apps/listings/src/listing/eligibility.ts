import type { Requirements } from './listing.events.js';
import type { Declaration } from '../applications/seeker.events.js';

/** One requirement an applicant does not meet, with the figures that decided it. */
export interface RequirementFailure {
  readonly code: 'income-below-multiple' | 'household-too-large' | 'below-min-age' | 'above-max-age' | 'payment-remarks' | 'age-unknown';
  readonly message: string;
  readonly required: number | boolean | null;
  readonly actual: number | boolean | null;
}

export interface EligibilityInput {
  readonly requirements: Requirements;
  /** SEK per month. */
  readonly monthlyRent: number;
  /** Null when asking before declaring: only the requirements that do not depend on it (age) are checked. */
  readonly declaration: Declaration | null;
  /** From ApplicantRegisteredV1; null when the listings app has not heard of the seeker's birth year. */
  readonly birthYear: number | null;
  /** Ages are counted in the deadline's year: deadline year − birth year (exact age is verified from certificates when letting). */
  readonly deadline: string;
  readonly nonTaxableIncomeFactor: number;
}

/** Counted in öre, so an income exactly at the multiple passes despite binary fractions (3 × 12 × 8 333.33…). */
const ore = (sek: number) => Math.round(sek * 100);

/** Every requirement the declaration fails; empty means eligible. The same function decides at apply, at the deadline and when a seeker asks first. */
export function requirementFailures(input: EligibilityInput): RequirementFailure[] {
  const { requirements: r, declaration: d } = input;
  const failures: RequirementFailure[] = [];
  if (d && r.incomeMultiple !== null) {
    const required = ore(r.incomeMultiple * input.monthlyRent * 12);
    const counted = ore(d.taxableIncome) + ore(d.nonTaxableIncome * input.nonTaxableIncomeFactor);
    if (counted < required) {
      failures.push({
        code: 'income-below-multiple',
        message: `Yearly income counted ${counted / 100} SEK (non-taxable income ×${input.nonTaxableIncomeFactor}) is below the required ${required / 100} SEK (${r.incomeMultiple} × the yearly rent)`,
        required: required / 100,
        actual: counted / 100,
      });
    }
  }
  if (d && r.maxHouseholdSize !== null && d.householdSize > r.maxHouseholdSize) {
    failures.push({
      code: 'household-too-large',
      message: `A household of ${d.householdSize} is more than the ${r.maxHouseholdSize} persons allowed`,
      required: r.maxHouseholdSize,
      actual: d.householdSize,
    });
  }
  if (r.minAge !== null || r.maxAge !== null) {
    const age = input.birthYear === null ? null : Number(input.deadline.slice(0, 4)) - input.birthYear;
    if (age === null) {
      failures.push({ code: 'age-unknown', message: 'Your age is not yet known to the listings service; try again in a moment', required: r.minAge ?? r.maxAge, actual: null });
    } else if (r.minAge !== null && age < r.minAge) {
      failures.push({ code: 'below-min-age', message: `You turn ${age} in the deadline's year; the listing requires at least ${r.minAge}`, required: r.minAge, actual: age });
    } else if (r.maxAge !== null && age > r.maxAge) {
      failures.push({ code: 'above-max-age', message: `You turn ${age} in the deadline's year; the listing allows at most ${r.maxAge}`, required: r.maxAge, actual: age });
    }
  }
  if (d && r.noPaymentRemarks && d.hasPaymentRemarks) {
    failures.push({ code: 'payment-remarks', message: 'The listing requires no payment remarks', required: false, actual: true });
  }
  return failures;
}
