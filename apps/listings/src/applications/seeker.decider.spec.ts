import { ListingRuleViolation } from '../listing/listing-rule-violation.js';
import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { blockedUntil, decideSeeker, evolveSeeker, initialSeekerState, type SeekerCommand, type SeekerState } from './seeker.decider.js';

const sealed = { subject: 's', iv: '', tag: '', data: '' };
const now = new Date('2026-11-24T10:00:00Z');
const applyTo = (n: number, over: Partial<Extract<SeekerCommand, { type: 'apply' }>> = {}): SeekerCommand => ({
  type: 'apply',
  applicationId: `app-${n}`,
  listingId: `listing-${n}`,
  now,
  declaration: sealed,
  listingDeadline: '2026-12-01',
  standing: 'active',
  failures: [],
  policy: DEFAULT_POLICY,
  ...over,
});
const avhopp = (n: number, on: string): SeekerCommand => ({ type: 'record-avhopp', listingId: `l-${n}`, applicationId: `a-${n}`, on, kind: 'backed-out-after-yes' });

function given(...commands: SeekerCommand[]) {
  const state = commands.reduce<SeekerState>((s, c) => decideSeeker(c, s).reduce(evolveSeeker, s), initialSeekerState);
  return { state, when: (c: SeekerCommand) => decideSeeker(c, state) };
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ListingRuleViolation).code;
  }
  return 'no refusal';
};

describe('seeker decider', () => {
  test('applies while the listing is open, up to the deadline day inclusive', () => {
    expect(given().when(applyTo(1))).toMatchObject([{ type: 'application-submitted', data: { applicationId: 'app-1', listingId: 'listing-1' } }]);
    expect(given().when(applyTo(1, { listingDeadline: '2026-11-24' }))).toHaveLength(1);
    expect(refusal(() => given().when(applyTo(1, { listingDeadline: '2026-11-23' })))).toBe('listing-closed');
    expect(refusal(() => given().when(applyTo(1, { listingDeadline: null })))).toBe('listing-closed');
  });

  test('deregistered, closed or unknown seekers cannot apply', () => {
    for (const standing of ['deregistered', 'closed', 'unknown'] as const) expect(refusal(() => given().when(applyTo(1, { standing })))).toBe('not-in-queue');
  });

  test('ineligible: refused with the failed requirements', () => {
    const failure = { code: 'household-too-large' as const, message: 'too many', required: 2, actual: 3 };
    expect(refusal(() => given().when(applyTo(1, { failures: [failure] })))).toBe('not-eligible');
  });

  test('the fifth active application is the last; a withdrawn one does not count; the cap is policy', () => {
    const five = [1, 2, 3, 4, 5].map((n) => applyTo(n));
    expect(refusal(() => given(...five).when(applyTo(6)))).toBe('too-many-applications');
    expect(given(...five, { type: 'withdraw', applicationId: 'app-3', now, reason: 'by-seeker', listingDeadline: '2026-12-01' }).when(applyTo(6))).toHaveLength(1);
    expect(given(...five).when(applyTo(6, { policy: { ...DEFAULT_POLICY, maxActiveApplications: 6 } }))).toHaveLength(1);
  });

  test('one application per listing; the same application id again is a no-op', () => {
    expect(refusal(() => given(applyTo(1)).when(applyTo(1, { applicationId: 'other' })))).toBe('already-applied');
    expect(given(applyTo(1)).when(applyTo(1))).toEqual([]);
  });

  test('withdrawing: only before the deadline by the seeker, idempotent, and unknown applications are not found', () => {
    const withdraw = (deadline: string | null): SeekerCommand => ({ type: 'withdraw', applicationId: 'app-1', now, reason: 'by-seeker', listingDeadline: deadline });
    expect(given(applyTo(1)).when(withdraw('2026-11-24'))).toMatchObject([{ type: 'application-withdrawn', data: { reason: 'by-seeker' } }]);
    expect(refusal(() => given(applyTo(1)).when(withdraw('2026-11-23')))).toBe('deadline-passed');
    expect(given(applyTo(1), withdraw('2026-12-01')).when(withdraw('2026-12-01'))).toEqual([]);
    expect(refusal(() => given().when(withdraw('2026-12-01')))).toBe('no-such-application');
  });

  test('withdraw-all ends every open application except the one given, and is idempotent', () => {
    const all: SeekerCommand = { type: 'withdraw-all', now, reason: 'let-to-seeker-elsewhere', exceptApplicationId: 'app-2' };
    const { state, when } = given(applyTo(1), applyTo(2), applyTo(3));
    expect(when(all).map((e) => (e.data as { applicationId: string }).applicationId)).toEqual(['app-1', 'app-3']);
    expect(given(applyTo(1), applyTo(2), applyTo(3), all).when(all)).toEqual([]);
    expect(Object.keys(state.applications)).toHaveLength(3);
  });

  describe('avhopp block: two within 12 months block applying for 6 months', () => {
    test('the second avhopp within the window blocks until six months after it', () => {
      const { state, when } = given(avhopp(1, '2026-01-15'), avhopp(2, '2026-10-01'));
      expect(blockedUntil(state, DEFAULT_POLICY, '2026-11-24')).toBe('2027-04-01');
      expect(refusal(() => when(applyTo(9)))).toBe('blocked-after-avhopp');
    });

    test('the block ends on the day six months after: applying that day is allowed', () => {
      const { state } = given(avhopp(1, '2026-01-15'), avhopp(2, '2026-05-24'));
      expect(blockedUntil(state, DEFAULT_POLICY, '2026-11-23')).toBe('2026-11-24');
      expect(blockedUntil(state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      expect(given(avhopp(1, '2026-01-15'), avhopp(2, '2026-05-24')).when(applyTo(9))).toHaveLength(1);
    });

    test('two avhopps twelve months or more apart do not block; exactly one day inside the window does', () => {
      expect(blockedUntil(given(avhopp(1, '2025-10-01'), avhopp(2, '2026-10-01')).state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      expect(blockedUntil(given(avhopp(1, '2025-10-02'), avhopp(2, '2026-10-01')).state, DEFAULT_POLICY, '2026-11-24')).toBe('2027-04-01');
    });

    test('one avhopp does not block; the same avhopp recorded twice counts once; the limit is policy', () => {
      expect(blockedUntil(given(avhopp(1, '2026-10-01')).state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      expect(given(avhopp(1, '2026-10-01')).when(avhopp(1, '2026-10-01'))).toEqual([]);
      expect(blockedUntil(given(avhopp(1, '2026-10-01')).state, { ...DEFAULT_POLICY, avhoppLimit: 1 }, '2026-11-24')).toBe('2027-04-01');
    });
  });
});
