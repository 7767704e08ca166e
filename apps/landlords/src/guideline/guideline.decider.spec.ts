import { deciderSpecification } from '@bostadsko/testing';
import { decideGuideline, evolveGuideline, guidelineOn, initialGuideline, requirementsFor, type ChangeGuideline } from './guideline.decider.js';
import type { GuidelineEvent } from './guideline.events.js';

const given = deciderSpecification({ decide: decideGuideline, evolve: evolveGuideline, initialState: initialGuideline });

const standard = { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true };
const youth = { incomeMultiple: 2, maxHouseholdSize: 2, minAge: 18, maxAge: 25, noPaymentRemarks: true };
const now = new Date('2026-11-24T10:00:00Z');
const change = (effectiveFrom: string, overrides: Partial<ChangeGuideline> = {}): ChangeGuideline => ({
  type: 'change-guideline',
  landlordId: 'l-1',
  effectiveFrom,
  standard,
  byListingType: { youth },
  reason: 'Board decision',
  changedBy: 'u-1',
  now,
  ...overrides,
});
const changed = (effectiveFrom: string, overrides: Partial<GuidelineEvent['data']> = {}): GuidelineEvent => ({
  type: 'letting-guideline-changed',
  data: { landlordId: 'l-1', effectiveFrom, standard, byListingType: { youth }, reason: 'Board decision', changedBy: 'u-1', changedAt: now.toISOString(), ...overrides },
});

describe('letting guideline decider', () => {
  test('a change applies from its date on; the earlier version stays in force before it and in the history', () => {
    given()
      .when(change('2026-11-24'))
      .then([changed('2026-11-24')]);
    const lower = { ...standard, incomeMultiple: 2.5 };
    given([changed('2026-11-24')])
      .when(change('2027-01-01', { standard: lower }))
      .then([changed('2027-01-01', { standard: lower })]);
    const { state } = given([changed('2026-11-24'), changed('2027-01-01', { standard: lower })]);
    expect(guidelineOn(state, '2026-12-31')?.standard.incomeMultiple).toBe(3);
    expect(guidelineOn(state, '2027-01-01')?.standard.incomeMultiple).toBe(2.5);
    expect(guidelineOn(state, '2026-11-23')).toBeUndefined();
    expect(state.versions).toHaveLength(2);
  });

  test('per listing type requirements replace the standard ones for that type only', () => {
    const version = guidelineOn(given([changed('2026-11-24')]).state, '2026-11-24')!;
    expect(requirementsFor(version, 'youth')).toEqual(youth);
    expect(requirementsFor(version, 'regular')).toEqual(standard);
  });

  test('never backdated, never before a scheduled version', () => {
    given().when(change('2026-11-23')).thenThrows('date-in-past');
    given([changed('2027-01-01')])
      .when(change('2026-12-01'))
      .thenThrows('date-before-scheduled-change');
  });

  test('an age range upside down or an unknown listing type is refused', () => {
    given()
      .when(change('2026-11-24', { byListingType: { youth: { ...youth, minAge: 30 } } }))
      .thenThrows('age-range');
    given()
      .when(change('2026-11-24', { byListingType: { penthouse: youth } }))
      .thenThrows('unknown-listing-type');
  });
});
