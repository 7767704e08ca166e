import { decidedEvents, deciderSpecification } from '@bostadsko/testing';
import { decide, evolve, initialLettingState, proposalIdFor, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingContext } from './letting.context.js';
import type { CandidateStage, LetFacts, LettingEvent, RequirementCheck, RequirementCode } from './letting.events.js';
import { at, context, goodFacts, LISTING_ID, policy, SEALED } from './letting.fixtures.js';
import type { LettingRules } from './letting.policy.js';

/** The letting decider also takes the listing's context and the policy: a spec closes over them. */
const lettingDecider = (ctx: LettingContext = context(), rules: LettingRules = policy) => ({
  decide: (command: LettingCommand, state: LettingState) => decide(command, state, ctx, rules),
  evolve,
  initialState: initialLettingState,
});
const given = deciderSpecification(lettingDecider());
const givenFor = (ctx: LettingContext, rules: LettingRules = policy) => deciderSpecification(lettingDecider(ctx, rules));
/** A history told as the commands that made it, decided one after another as the service does. */
const run = (...commands: LettingCommand[]): LettingEvent[] => decidedEvents(lettingDecider(), commands);

// Commands
const SLOTS = [
  { startsAt: '2026-11-20T16:00:00Z', endsAt: '2026-11-20T16:30:00Z' },
  { startsAt: '2026-11-20T16:30:00Z', endsAt: '2026-11-20T17:00:00Z' },
];
type Schedule = Extract<LettingCommand, { type: 'schedule-showing' }>;
const schedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  type: 'schedule-showing',
  showingId: 'showing-1',
  slots: SLOTS,
  answerBy: '2026-11-23',
  withdrawn: {},
  now: at('2026-11-16'),
  by: 'staff-1',
  ...overrides,
});
const answer = (place: number, interested: boolean, date = '2026-11-21'): LettingCommand => ({
  type: 'answer-interest',
  applicationId: `app-${place}`,
  applicantId: `seeker-${place}`,
  interested,
  now: at(date),
});
const verifiedOn = (received: string) => (received > '2026-11-26' ? received : '2026-11-26');
const verify = (place: number, facts = goodFacts, received = '2026-11-25'): LettingCommand => ({
  type: 'record-verification',
  applicationId: `app-${place}`,
  facts,
  sealed: SEALED,
  certificatesReceivedOn: received,
  now: at(verifiedOn(received)),
  by: 'staff-1',
});
const advance = (date: string, withdrawn: Record<string, string> = {}): LettingCommand => ({ type: 'advance', withdrawn, now: at(date) });

// Events
const who = (place: number) => ({ applicationId: `app-${place}`, applicantId: `seeker-${place}` });
const places = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const scheduled = (invitedPlaces: number[], overrides: Partial<Extract<LettingEvent, { type: 'showing-scheduled' }>['data']> = {}): LettingEvent => ({
  type: 'showing-scheduled',
  data: {
    showingId: 'showing-1',
    slots: SLOTS,
    answerBy: '2026-11-23',
    invitations: 10,
    invited: invitedPlaces.map((place, i) => ({ ...who(place), place, slot: i % 2 })),
    skipped: [],
    scheduledAt: at('2026-11-16').toISOString(),
    scheduledBy: 'staff-1',
    ...overrides,
  },
});
const answered = (place: number, interested: boolean, date = '2026-11-21'): LettingEvent => ({
  type: 'interest-answered',
  data: { ...who(place), interested, answeredAt: at(date).toISOString() },
});
/** Certificates are due `certificateDays` (7) after the day the rules asked for them. */
const requested = (place: number, on: string, certificatesDue: string): LettingEvent => ({
  type: 'verification-requested',
  data: { ...who(place), place, certificatesDue, requestedAt: at(on).toISOString() },
});
const expired = (place: number, on: string, answerBy = '2026-11-23'): LettingEvent => ({ type: 'invitation-expired', data: { ...who(place), answerBy, on } });
const income = (passed: boolean): RequirementCheck => ({ requirement: 'income', rule: 'yearly income at least 3 × the yearly rent (360000 SEK); non-taxable income counts ×1.5', passed });
const household = (passed: boolean): RequirementCheck => ({ requirement: 'household', rule: 'at most 3 persons in the household', passed });
const remarks = (passed: boolean): RequirementCheck => ({ requirement: 'payment-remarks', rule: 'no payment remarks', passed });
const allPassed = [income(true), household(true), remarks(true)];
const verification = (place: number, checks: RequirementCheck[], received = '2026-11-25') => ({
  ...who(place),
  checks,
  facts: SEALED,
  certificatesReceivedOn: received,
  verifiedAt: at(verifiedOn(received)).toISOString(),
  verifiedBy: 'staff-1',
});
const verified = (place: number, checks = allPassed, received?: string): LettingEvent => ({ type: 'applicant-verified', data: verification(place, checks, received) });
const failed = (place: number, checks: RequirementCheck[], failedOn: RequirementCode[]): LettingEvent => ({ type: 'verification-failed', data: { ...verification(place, checks), failed: failedOn } });
const proposedTenant = (place: number): LettingEvent => ({
  type: 'tenant-proposed',
  data: {
    proposalId: proposalIdFor(LISTING_ID, `app-${place}`),
    ...who(place),
    landlordId: context().landlordId,
    place,
    facts: SEALED,
    requirementsVerified: true,
    proposedAt: at('2026-11-26').toISOString(),
  },
});
const certificatesLate = (place: number, certificatesDue: string, on: string): LettingEvent => ({ type: 'certificates-late', data: { ...who(place), certificatesDue, on } });
const backedOut = (place: number, stage: CandidateStage | 'interested', date: string): LettingEvent => ({
  type: 'backed-out',
  data: { ...who(place), stage, on: date, at: at(date).toISOString() },
});

describe('showings', () => {
  test('invite the best N of the ranking (policy: 10) spread over the slots', () => {
    given()
      .when(schedule())
      .then([scheduled(places(1, 10))]);
  });

  test('N is a policy setting; a listing keeps the N it was ranked under', () => {
    givenFor(context(), { ...policy, showingInvitations: 3 })()
      .when(schedule())
      .then([scheduled([1, 2, 3], { invitations: 3 })]);
    givenFor(context({ showingInvitations: 2 }), { ...policy, showingInvitations: 3 })()
      .when(schedule())
      .then([scheduled([1, 2], { invitations: 2 })]);
  });

  test('a withdrawn application is passed over, with the reason, and the next one invited instead', () => {
    givenFor(context(), { ...policy, showingInvitations: 3 })()
      .when(schedule({ withdrawn: { 'app-2': 'by-seeker' } }))
      .then([scheduled([1, 3, 4], { invitations: 3, skipped: [{ ...who(2), place: 2, reason: 'by-seeker' }] })]);
  });

  test('a second showing invites the next ones not yet invited', () => {
    const first = scheduled(places(1, 10));
    given([first])
      .when(schedule({ showingId: 'showing-2' }))
      .then([scheduled([11, 12], { showingId: 'showing-2' })]);
    given([first, scheduled([11, 12], { showingId: 'showing-2' })])
      .when(schedule({ showingId: 'showing-3' }))
      .thenThrows('no-one-left-to-invite');
  });

  test('refused before the ranking, in the past, or with an answer deadline before the showing', () => {
    givenFor(context({ status: 'open', ranking: [] }))()
      .when(schedule())
      .thenThrows('not-ranked');
    given()
      .when(schedule({ now: at('2026-11-21') }))
      .thenThrows('slot-in-past');
    given()
      .when(schedule({ answerBy: '2026-11-19' }))
      .thenThrows('answer-before-showing');
    given()
      .when(schedule({ slots: [] }))
      .thenThrows('no-slots');
    givenFor(context({ status: 'withdrawn' }))()
      .when(schedule())
      .thenThrows('letting-closed', { status: 409 });
  });
});

describe('interest', () => {
  const showing = [scheduled(places(1, 10))];

  test('the best-placed yes is asked for certificates at once when no one above is still to answer', () => {
    given(showing)
      .when(answer(1, true))
      .then([answered(1, true), requested(1, '2026-11-21', '2026-11-28')]);
  });

  test('a yes waits while someone placed higher has not answered', () => {
    given(showing)
      .when(answer(2, true))
      .then([answered(2, true)]);
  });

  test('no answer by the deadline counts as no: expired, and the next yes is chosen', () => {
    const before = [...showing, answered(2, true)];
    given(before).when(advance('2026-11-23')).thenNothing();
    // Asked as soon as place 1 is out: the log reads each cause with its consequence.
    given(before)
      .when(advance('2026-11-24'))
      .then([expired(1, '2026-11-24'), requested(2, '2026-11-24', '2026-12-01'), ...places(3, 10).map((p) => expired(p, '2026-11-24'))]);
  });

  test('an answer after the deadline is refused; answering on the deadline day is in time', () => {
    given(showing)
      .when(answer(1, true, '2026-11-24'))
      .thenThrows('answer-too-late');
    given(showing)
      .when(answer(1, true, '2026-11-23'))
      .then([answered(1, true, '2026-11-23'), requested(1, '2026-11-23', '2026-11-30')]);
    const expiredAll = [...showing, ...places(1, 10).map((p) => expired(p, '2026-11-24'))];
    expect(run(schedule(), advance('2026-11-24'))).toEqual(expiredAll);
    given(expiredAll)
      .when(answer(1, true, '2026-11-24'))
      .thenThrows('answer-too-late');
    given(expiredAll)
      .when(answer(1, false, '2026-11-24'))
      .thenNothing();
  });

  test('declining has no penalty and is final; the same answer again changes nothing', () => {
    const declined = [...showing, answered(1, false)];
    given(declined).when(answer(1, false)).thenNothing();
    given(declined).when(answer(1, true)).thenThrows('already-answered');
    given(declined)
      .when({ type: 'back-out', ...who(1), now: at('2026-11-22') })
      .thenThrows('not-interested');
  });

  test('only the invited seeker answers for an invitation', () => {
    given(showing)
      .when({ ...answer(1, true), applicantId: 'seeker-2' } as LettingCommand)
      .thenThrows('not-invited', { status: 404 });
    given(showing).when(answer(11, true)).thenThrows('not-invited');
  });

  test('when no one said yes and more are ranked, nothing happens until the next showing; when the ranking is used up, candidates are exhausted', () => {
    const noOne = [...showing, ...places(1, 10).map((p) => expired(p, '2026-11-24'))];
    expect(run(schedule(), advance('2026-11-24'))).toEqual(noOne);
    const secondShowing = schedule({
      showingId: 'showing-2',
      slots: [{ startsAt: '2026-11-25T16:00:00Z', endsAt: '2026-11-25T17:00:00Z' }],
      answerBy: '2026-11-27',
      now: at('2026-11-24'),
    });
    const second = scheduled([11, 12], {
      showingId: 'showing-2',
      slots: secondShowing.slots,
      answerBy: '2026-11-27',
      invited: [11, 12].map((place) => ({ ...who(place), place, slot: 0 })),
      scheduledAt: at('2026-11-24').toISOString(),
    });
    given(noOne).when(secondShowing).then([second]);
    given([...noOne, second])
      .when(advance('2026-11-28'))
      .then([expired(11, '2026-11-28', '2026-11-27'), expired(12, '2026-11-28', '2026-11-27'), { type: 'candidates-exhausted', data: { on: '2026-11-28' } }]);
  });
});

describe('verification', () => {
  const chosen = [scheduled(places(1, 10)), answered(1, true), requested(1, '2026-11-21', '2026-11-28')];

  test('income exactly at the multiple passes, and the applicant is proposed to the landlord', () => {
    given(chosen)
      .when(verify(1))
      .then([verified(1), proposedTenant(1)]);
  });

  test('one krona under the multiple fails; non-taxable income counts one and a half times', () => {
    given(chosen)
      .when(verify(1, { ...goodFacts, taxableIncome: 359_999 }))
      .then([failed(1, [income(false), household(true), remarks(true)], ['income'])]);
    given(chosen)
      .when(verify(1, { ...goodFacts, taxableIncome: 210_000, nonTaxableIncome: 100_000 }))
      .then([verified(1), proposedTenant(1)]);
  });

  test('a failed verification moves on to the next interested applicant', () => {
    given([...chosen, answered(2, false), answered(3, true)])
      .when(verify(1, { ...goodFacts, householdSize: 5, hasPaymentRemarks: true }))
      .then([failed(1, [income(true), household(false), remarks(false)], ['household', 'payment-remarks']), requested(3, '2026-11-26', '2026-12-03')]);
  });

  test('age on the application deadline: a youth listing takes 18 to 25 inclusive', () => {
    const youth = givenFor(context({ requirements: { incomeMultiple: null, maxHouseholdSize: null, minAge: 18, maxAge: 25, noPaymentRemarks: false } }));
    const age = (passed: boolean): RequirementCheck => ({ requirement: 'age', rule: 'aged 18–25 on 2026-11-15', passed });
    youth(chosen)
      .when(verify(1, { ...goodFacts, birthDate: '2000-11-16' }))
      .then([verified(1, [age(true)]), proposedTenant(1)]);
    youth(chosen)
      .when(verify(1, { ...goodFacts, birthDate: '2000-11-15' }))
      .then([failed(1, [age(false)], ['age'])]);
  });

  test('certificates after the due date are a withdrawal (avhopp) and the next in line is asked', () => {
    const base = [...chosen, answered(2, true)];
    given(base)
      .when(verify(1, goodFacts, '2026-11-29'))
      .then([certificatesLate(1, '2026-11-28', '2026-11-29'), requested(2, '2026-11-29', '2026-12-06')]);
    given(base)
      .when(advance('2026-11-29'))
      .then([...places(3, 10).map((p) => expired(p, '2026-11-29')), certificatesLate(1, '2026-11-28', '2026-11-29'), requested(2, '2026-11-29', '2026-12-06')]);
    given(base)
      .when(advance('2026-11-28'))
      .then(places(3, 10).map((p) => expired(p, '2026-11-28')));
  });

  test('only the applicant being verified can be verified', () => {
    given(chosen).when(verify(2)).thenThrows('not-being-verified');
  });
});

describe('proposal and letting', () => {
  const proposed = [scheduled(places(1, 10)), answered(1, true), requested(1, '2026-11-21', '2026-11-28'), answered(2, true), verified(1), proposedTenant(1)];
  const proposalId = proposalIdFor(LISTING_ID, 'app-1');
  const landlordId = context().landlordId;
  const decideProposal = (decision: 'approve' | 'reject', reason?: string, id = proposalId): LettingCommand => ({
    type: 'decide-proposal',
    proposalId: id,
    decision,
    reason,
    now: at('2026-11-27'),
    by: 'landlord-user',
  });
  const approved: LettingEvent = {
    type: 'proposal-approved',
    data: { proposalId, ...who(1), landlordId, approvedAt: at('2026-11-27').toISOString(), approvedBy: 'landlord-user' },
  };
  const sign = (contractDate = '2026-12-01'): LettingCommand => ({ type: 'sign-contract', proposalId, contractDate, now: at('2026-11-28'), by: 'landlord-user' });
  const letFacts = (over: Partial<LetFacts> = {}): LetFacts => ({
    landlordId,
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 10_000,
    listingType: 'regular',
    publishedOn: '2026-11-01',
    tenantQueueDays: 3900,
    applications: 15,
    usesQueueTime: true,
    ...over,
  });
  const signed = (let_: LetFacts = letFacts()): LettingEvent => ({
    type: 'contract-signed',
    data: { proposalId, ...who(1), contractDate: '2026-12-01', signedAt: at('2026-11-28').toISOString(), signedBy: 'landlord-user', let: let_ },
  });

  test('a rejected proposal, with its reason, moves to the next in line', () => {
    given(proposed)
      .when(decideProposal('reject', 'Did not come to sign the viewing protocol'))
      .then([
        {
          type: 'proposal-rejected',
          data: { proposalId, ...who(1), landlordId, reason: 'Did not come to sign the viewing protocol', rejectedAt: at('2026-11-27').toISOString(), rejectedBy: 'landlord-user' },
        },
        requested(2, '2026-11-27', '2026-12-04'),
      ]);
  });

  test('a rejection needs a reason; a decision is given once', () => {
    given(proposed).when(decideProposal('reject', '  ')).thenThrows('reason-required');
    given(proposed).when(decideProposal('approve')).then([approved]);
    given([...proposed, approved])
      .when(decideProposal('approve'))
      .thenNothing();
    given([...proposed, approved])
      .when(decideProposal('reject', 'changed mind'))
      .thenThrows('proposal-not-pending');
    given(proposed)
      .when(decideProposal('approve', undefined, proposalIdFor(LISTING_ID, 'app-9')))
      .thenThrows('no-such-proposal');
  });

  test('approval then signing lets the flat, with the facts statistics need', () => {
    const approvedHistory = [...proposed, approved];
    given(proposed).when(sign()).thenThrows('not-approved');
    given(approvedHistory).when(sign()).then([signed()]);
    const let_ = given([...approvedHistory, signed()]);
    expect(let_.state.status).toBe('let');
    let_.when(sign()).thenNothing();
    let_.when(answer(2, true)).thenThrows('letting-closed');
  });

  test.each([
    { listingType: 'short-term', method: 'queue-days', uses: false, days: 3900 },
    { listingType: 'first-come', method: 'application-time', uses: false, days: null },
    { listingType: 'lottery', method: 'lottery', uses: true, days: null },
  ] as const)('a $listingType letting: usesQueueTime $uses, queue days $days', ({ listingType, method, uses, days }) => {
    const ctx = context({ flat: { ...context().flat, listingType }, method, ranking: context().ranking.map((r) => (method === 'queue-days' ? r : { ...r, queueDays: null })) });
    const history = decidedEvents(lettingDecider(ctx), [schedule(), answer(1, true), verify(1), decideProposal('approve')]);
    expect(history).toEqual([scheduled(places(1, 10)), answered(1, true), requested(1, '2026-11-21', '2026-11-28'), verified(1), proposedTenant(1), approved]);
    givenFor(ctx)(history)
      .when(sign())
      .then([signed(letFacts({ listingType, usesQueueTime: uses, tenantQueueDays: days }))]);
  });

  test('backing out after yes is a withdrawal (avhopp) at any stage before signing, and the next in line is asked', () => {
    const backOut: LettingCommand = { type: 'back-out', ...who(1), now: at('2026-11-27') };
    const backedOutOfProposal = [backedOut(1, 'proposal', '2026-11-27'), requested(2, '2026-11-27', '2026-12-04')];
    given(proposed).when(backOut).then(backedOutOfProposal);
    given([scheduled(places(1, 10)), answered(2, true)])
      .when({ ...backOut, ...who(2) })
      .then([backedOut(2, 'interested', '2026-11-27')]);
    given([...proposed, ...backedOutOfProposal])
      .when(backOut)
      .thenThrows('already-out');
  });

  test('a withdrawn application (deregistered) leaves without penalty and the next in line is asked', () => {
    given(proposed)
      .when(advance('2026-11-27', { 'app-1': 'deregistered' }))
      .then([
        { type: 'participant-withdrawn', data: { ...who(1), reason: 'deregistered', on: '2026-11-27' } },
        requested(2, '2026-11-27', '2026-12-04'),
        ...places(3, 10).map((p) => expired(p, '2026-11-27')),
      ]);
  });

  test('the landlord not completing the letting cancels it once, after it was let', () => {
    const cancel: LettingCommand = { type: 'cancel-letting', reason: 'The landlord sold the property', now: at('2026-12-05'), by: 'landlord-user' };
    const cancelled: LettingEvent = {
      type: 'letting-cancelled',
      data: { ...who(1), on: '2026-12-05', reason: 'The landlord sold the property', cancelledAt: at('2026-12-05').toISOString(), cancelledBy: 'landlord-user' },
    };
    given(proposed).when(cancel).thenThrows('not-let');
    given([...proposed, approved, signed()])
      .when(cancel)
      .then([cancelled]);
    given([...proposed, approved, signed(), cancelled])
      .when(cancel)
      .thenNothing();
  });
});
