import type { FlatDetails, Requirements } from '../listing/listing.events.js';
import { ageOn, type IsoDate } from '@bostadsko/calendar';
import type { RequirementCheck, VerifiedFacts } from './letting.events.js';

const ore = (sek: number) => Math.round(sek * 100);

/**
 * Checks certificates against the listing's published requirements, the same
 * for every applicant. Income exactly at the multiple passes; non-taxable income
 * counts by the factor of the listings policy in force at the deadline. Age is
 * taken on the application deadline, the date the ranking counted from.
 */
export function checkRequirements(requirements: Requirements, flat: Pick<FlatDetails, 'monthlyRent'>, facts: VerifiedFacts, ageDate: IsoDate, nonTaxableIncomeFactor: number): RequirementCheck[] {
  const checks: RequirementCheck[] = [];
  if (requirements.incomeMultiple !== null) {
    const required = requirements.incomeMultiple * flat.monthlyRent * 12;
    const counted = facts.taxableIncome + nonTaxableIncomeFactor * facts.nonTaxableIncome;
    checks.push({
      requirement: 'income',
      rule: `yearly income at least ${requirements.incomeMultiple} × the yearly rent (${required} SEK); non-taxable income counts ×${nonTaxableIncomeFactor}`,
      passed: ore(counted) >= ore(required),
    });
  }
  if (requirements.maxHouseholdSize !== null) {
    checks.push({ requirement: 'household', rule: `at most ${requirements.maxHouseholdSize} persons in the household`, passed: facts.householdSize <= requirements.maxHouseholdSize });
  }
  if (requirements.minAge !== null || requirements.maxAge !== null) {
    const age = ageOn(facts.birthDate, ageDate);
    const rule = `aged ${requirements.minAge ?? 0}–${requirements.maxAge ?? '…'} on ${ageDate}`;
    checks.push({ requirement: 'age', rule, passed: (requirements.minAge === null || age >= requirements.minAge) && (requirements.maxAge === null || age <= requirements.maxAge) });
  }
  if (requirements.noPaymentRemarks) {
    checks.push({ requirement: 'payment-remarks', rule: 'no payment remarks', passed: !facts.hasPaymentRemarks });
  }
  return checks;
}

/** The requirement codes a listing's verification must cover: what the audit expects to find checked. */
export function requiredChecks(requirements: Requirements): string[] {
  return [
    ...(requirements.incomeMultiple !== null ? ['income'] : []),
    ...(requirements.maxHouseholdSize !== null ? ['household'] : []),
    ...(requirements.minAge !== null || requirements.maxAge !== null ? ['age'] : []),
    ...(requirements.noPaymentRemarks ? ['payment-remarks'] : []),
  ];
}
