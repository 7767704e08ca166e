import type { Requirements } from './listing.events.js';
import { requirementFailures } from './eligibility.js';

const none: Requirements = { incomeMultiple: null, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: false };
const declaration = { householdSize: 2, taxableIncome: 0, nonTaxableIncome: 0, hasPaymentRemarks: false };
const codes = (requirements: Partial<Requirements>, d: Partial<typeof declaration> = {}, birthYear: number | null = 1990, monthlyRent = 8333.33) =>
  requirementFailures({ requirements: { ...none, ...requirements }, monthlyRent, declaration: { ...declaration, ...d }, birthYear, deadline: '2026-12-10', nonTaxableIncomeFactor: 1.5 }).map(
    (f) => f.code,
  );

describe('eligibility', () => {
  test('income exactly at the multiple passes, one krona below fails (rent with öre: 3 × 12 × 8 333.33 = 299 999.88)', () => {
    expect(codes({ incomeMultiple: 3 }, { taxableIncome: 299_999.88 })).toEqual([]);
    expect(codes({ incomeMultiple: 3 }, { taxableIncome: 299_998.88 })).toEqual(['income-below-multiple']);
  });

  test('non-taxable income counts ×1.5', () => {
    expect(codes({ incomeMultiple: 3 }, { nonTaxableIncome: 200_000 }, 1990, 8_000)).toEqual([]);
    expect(codes({ incomeMultiple: 3 }, { nonTaxableIncome: 191_999 }, 1990, 8_000)).toEqual(['income-below-multiple']);
    expect(codes({ incomeMultiple: 3 }, { taxableIncome: 144_000, nonTaxableIncome: 128_000 }, 1990, 8_000)).toEqual([]);
  });

  test('household at the maximum passes, one more fails', () => {
    expect(codes({ maxHouseholdSize: 2 })).toEqual([]);
    expect(codes({ maxHouseholdSize: 2 }, { householdSize: 3 })).toEqual(['household-too-large']);
  });

  test('age range in the deadline year, both ends inclusive; unknown birth year is its own reason', () => {
    expect(codes({ minAge: 18, maxAge: 25 }, {}, 2001)).toEqual([]);
    expect(codes({ minAge: 18, maxAge: 25 }, {}, 2000)).toEqual(['above-max-age']);
    expect(codes({ minAge: 18, maxAge: 25 }, {}, 2008)).toEqual([]);
    expect(codes({ minAge: 18, maxAge: 25 }, {}, 2009)).toEqual(['below-min-age']);
    expect(codes({ minAge: 55 }, {}, 1971)).toEqual([]);
    expect(codes({ minAge: 55 }, {}, 1972)).toEqual(['below-min-age']);
    expect(codes({ minAge: 55 }, {}, null)).toEqual(['age-unknown']);
  });

  test('payment remarks only where the listing forbids them; every failure is listed', () => {
    expect(codes({}, { hasPaymentRemarks: true })).toEqual([]);
    expect(codes({ noPaymentRemarks: true, maxHouseholdSize: 1, incomeMultiple: 1 }, { hasPaymentRemarks: true })).toEqual(['income-below-multiple', 'household-too-large', 'payment-remarks']);
  });
});
