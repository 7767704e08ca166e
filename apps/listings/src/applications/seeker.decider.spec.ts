import { deciderSpecification } from '@bostadsko/testing';
import type { SeekerEvent } from './seeker.events.js';
import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { applyRefusals, blockedUntil, decideSeeker, evolveSeeker, initialSeekerState, type SeekerCommand } from './seeker.decider.js';

const given = deciderSpecification({ decide: decideSeeker, evolve: evolveSeeker, initialState: initialSeekerState });

const sealed = { subject: 's', iv: '', tag: '', data: '' };
const now = new Date('2026-11-24T10:00:00Z');
type Apply = Extract<SeekerCommand, { type: 'apply' }>;
type WithdrawReason = Extract<SeekerEvent, { type: 'application-withdrawn' }>['data']['reason'];
const applyTo = (n: number, over: Partial<Apply> = {}): Apply => ({
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
const avhopp = (n: number, on: string, policy = DEFAULT_POLICY): SeekerCommand => ({ type: 'record-avhopp', listingId: `l-${n}`, applicationId: `a-${n}`, on, kind: 'backed-out-after-yes', policy });

const submitted = (n: number): SeekerEvent => ({ type: 'application-submitted', data: { applicationId: `app-${n}`, listingId: `listing-${n}`, submittedAt: now.toISOString(), declaration: sealed } });
const withdrawn = (n: number, reason: WithdrawReason): SeekerEvent => ({
  type: 'application-withdrawn',
  data: { applicationId: `app-${n}`, listingId: `listing-${n}`, at: now.toISOString(), reason },
});
const avhoppRecorded = (n: number, on: string, blockedUntil?: string | null): SeekerEvent => ({
  type: 'avhopp-recorded',
  data: { listingId: `l-${n}`, applicationId: `a-${n}`, on, kind: 'backed-out-after-yes', ...(blockedUntil !== undefined && { blockedUntil }) },
});
const fiveSubmitted = [1, 2, 3, 4, 5].map(submitted);

describe('seeker decider', () => {
  test('applies while the listing is open, up to the deadline day inclusive', () => {
    given()
      .when(applyTo(1))
      .then([submitted(1)]);
    given()
      .when(applyTo(1, { listingDeadline: '2026-11-24' }))
      .then([submitted(1)]);
    given()
      .when(applyTo(1, { listingDeadline: '2026-11-23' }))
      .thenThrows('listing-closed');
    given()
      .when(applyTo(1, { listingDeadline: null }))
      .thenThrows('listing-closed');
  });

  test('deregistered, closed or unknown seekers cannot apply', () => {
    for (const standing of ['deregistered', 'closed', 'unknown'] as const) given().when(applyTo(1, { standing })).thenThrows('not-in-queue');
  });

  test('ineligible: refused with the failed requirements', () => {
    const failure = { code: 'household-too-large' as const, message: 'too many', required: 2, actual: 3 };
    given()
      .when(applyTo(1, { failures: [failure] }))
      .thenThrows('not-eligible', { extensions: { code: 'not-eligible', failedRequirements: [failure] } });
  });

  test('the fifth active application is the last; a withdrawn one does not count; the cap is policy', () => {
    given(fiveSubmitted)
      .when(applyTo(6))
      .thenThrows('too-many-applications', { extensions: { code: 'too-many-applications', limit: 5 } });
    given([...fiveSubmitted, withdrawn(3, 'by-seeker')])
      .when(applyTo(6))
      .then([submitted(6)]);
    given(fiveSubmitted)
      .when(applyTo(6, { policy: { ...DEFAULT_POLICY, maxActiveApplications: 6 } }))
      .then([submitted(6)]);
  });

  test('one application per listing; the same application id again is a no-op', () => {
    given([submitted(1)])
      .when(applyTo(1, { applicationId: 'other' }))
      .thenThrows('already-applied', { status: 409 });
    given([submitted(1)])
      .when(applyTo(1))
      .thenNothing();
  });

  test('asking first: every refusal at once, in the order an apply is refused for the first; none when it would be accepted', () => {
    const failure = { code: 'household-too-large' as const, message: 'too many', required: 2, actual: 3 };
    const history = [...fiveSubmitted, avhoppRecorded(1, '2026-10-01'), avhoppRecorded(2, '2026-11-01')];
    const everything = { standing: 'deregistered', listingDeadline: '2026-11-23', failures: [failure] } as const;
    const all = applyRefusals(applyTo(1, everything), given(history).state);
    expect(all.map((r) => r.code)).toEqual(['not-in-queue', 'listing-closed', 'already-applied', 'blocked-after-avhopp', 'too-many-applications', 'not-eligible']);
    expect(all.slice(3).map((r) => r.details)).toEqual([{ blockedUntil: '2027-05-01' }, { limit: 5 }, { failedRequirements: [failure] }]);
    given(history)
      .when(applyTo(1, { ...everything, applicationId: 'new' }))
      .thenThrows('not-in-queue');
    expect(applyRefusals(applyTo(1), initialSeekerState)).toEqual([]);
  });

  test('withdrawing: only before the deadline by the seeker, idempotent, and unknown applications are not found', () => {
    const withdraw = (deadline: string | null): SeekerCommand => ({ type: 'withdraw', applicationId: 'app-1', now, reason: 'by-seeker', listingDeadline: deadline });
    given([submitted(1)])
      .when(withdraw('2026-11-24'))
      .then([withdrawn(1, 'by-seeker')]);
    given([submitted(1)])
      .when(withdraw('2026-11-23'))
      .thenThrows('deadline-passed');
    given([submitted(1), withdrawn(1, 'by-seeker')])
      .when(withdraw('2026-12-01'))
      .thenNothing();
    given().when(withdraw('2026-12-01')).thenThrows('no-such-application', { status: 404 });
  });

  test('withdraw-all ends every open application except the one given, and is idempotent', () => {
    const all: SeekerCommand = { type: 'withdraw-all', now, reason: 'let-to-seeker-elsewhere', exceptApplicationId: 'app-2' };
    const three = [submitted(1), submitted(2), submitted(3)];
    given(three)
      .when(all)
      .then([withdrawn(1, 'let-to-seeker-elsewhere'), withdrawn(3, 'let-to-seeker-elsewhere')]);
    given([...three, withdrawn(1, 'let-to-seeker-elsewhere'), withdrawn(3, 'let-to-seeker-elsewhere')])
      .when(all)
      .thenNothing();
    expect(Object.keys(given(three).state.applications)).toHaveLength(3);
  });

  describe('avhopp block: two within 12 months block applying for 6 months', () => {
    test('the second avhopp within the window blocks until six months after it', () => {
      given([avhoppRecorded(1, '2026-01-15')])
        .when(avhopp(2, '2026-10-01'))
        .then([avhoppRecorded(2, '2026-10-01', '2027-04-01')]);
      const blocked = given([avhoppRecorded(1, '2026-01-15'), avhoppRecorded(2, '2026-10-01')]);
      expect(blockedUntil(blocked.state, DEFAULT_POLICY, '2026-11-24')).toBe('2027-04-01');
      blocked.when(applyTo(9)).thenThrows('blocked-after-avhopp', { extensions: { code: 'blocked-after-avhopp', blockedUntil: '2027-04-01' } });
    });

    test('the block ends on the day six months after: applying that day is allowed', () => {
      const { state, when } = given([avhoppRecorded(1, '2026-01-15'), avhoppRecorded(2, '2026-05-24')]);
      expect(blockedUntil(state, DEFAULT_POLICY, '2026-11-23')).toBe('2026-11-24');
      expect(blockedUntil(state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      when(applyTo(9)).then([submitted(9)]);
    });

    test('two avhopps twelve months or more apart do not block; exactly one day inside the window does', () => {
      expect(blockedUntil(given([avhoppRecorded(1, '2025-10-01'), avhoppRecorded(2, '2026-10-01')]).state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      expect(blockedUntil(given([avhoppRecorded(1, '2025-10-02'), avhoppRecorded(2, '2026-10-01')]).state, DEFAULT_POLICY, '2026-11-24')).toBe('2027-04-01');
    });

    test('each avhopp records the end of the block it brings by the rules on its day, or null: the date the seeker is told', () => {
      const recorded = (blocked: string | null) => [avhoppRecorded(1, '2026-10-01', blocked)];
      given().when(avhopp(1, '2026-10-01')).then(recorded(null));
      given()
        .when(avhopp(1, '2026-10-01', { ...DEFAULT_POLICY, avhoppLimit: 1 }))
        .then(recorded('2027-04-01'));
      given()
        .when(avhopp(1, '2026-10-01', { ...DEFAULT_POLICY, avhoppLimit: 1, avhoppBlockMonths: 3 }))
        .then(recorded('2027-01-01'));
    });

    test('one avhopp does not block; the same avhopp recorded twice counts once; the limit is policy', () => {
      expect(blockedUntil(given([avhoppRecorded(1, '2026-10-01')]).state, DEFAULT_POLICY, '2026-11-24')).toBeNull();
      given([avhoppRecorded(1, '2026-10-01')])
        .when(avhopp(1, '2026-10-01'))
        .thenNothing();
      expect(blockedUntil(given([avhoppRecorded(1, '2026-10-01')]).state, { ...DEFAULT_POLICY, avhoppLimit: 1 }, '2026-11-24')).toBe('2027-04-01');
    });
  });
});
