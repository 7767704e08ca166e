import { decideGuideline, evolveGuideline, guidelineOn, initialGuideline, requirementsFor, type ChangeGuideline, type GuidelineState } from './guideline.decider.js';

const standard = { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true };
const youth = { incomeMultiple: 2, maxHouseholdSize: 2, minAge: 18, maxAge: 25, noPaymentRemarks: true };
const change = (effectiveFrom: string, overrides: Partial<ChangeGuideline> = {}): ChangeGuideline => ({
  type: 'change-guideline',
  landlordId: 'l-1',
  effectiveFrom,
  standard,
  byListingType: { youth },
  reason: 'Board decision',
  changedBy: 'u-1',
  now: new Date('2026-11-24T10:00:00Z'),
  ...overrides,
});
const apply = (...changes: ChangeGuideline[]): GuidelineState => changes.reduce((s, c) => decideGuideline(c, s).reduce(evolveGuideline, s), initialGuideline);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
};

describe('letting guideline decider', () => {
  test('a change applies from its date on; the earlier version stays in force before it and in the history', () => {
    const state = apply(change('2026-11-24'), change('2027-01-01', { standard: { ...standard, incomeMultiple: 2.5 } }));
    expect(guidelineOn(state, '2026-12-31')?.standard.incomeMultiple).toBe(3);
    expect(guidelineOn(state, '2027-01-01')?.standard.incomeMultiple).toBe(2.5);
    expect(guidelineOn(state, '2026-11-23')).toBeUndefined();
    expect(state.versions).toHaveLength(2);
  });

  test('per listing type requirements replace the standard ones for that type only', () => {
    const version = guidelineOn(apply(change('2026-11-24')), '2026-11-24')!;
    expect(requirementsFor(version, 'youth')).toEqual(youth);
    expect(requirementsFor(version, 'regular')).toEqual(standard);
  });

  test('never backdated, never before a scheduled version', () => {
    expect(refusal(() => apply(change('2026-11-23')))).toBe('date-in-past');
    expect(refusal(() => apply(change('2027-01-01'), change('2026-12-01')))).toBe('date-before-scheduled-change');
  });

  test('an age range upside down or an unknown listing type is refused', () => {
    expect(refusal(() => apply(change('2026-11-24', { byListingType: { youth: { ...youth, minAge: 30 } } })))).toBe('age-range');
    expect(refusal(() => apply(change('2026-11-24', { byListingType: { penthouse: youth } })))).toBe('unknown-listing-type');
  });
});
