import { decide, evolve, initialLettingState, proposalIdFor, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingContext } from './letting.context.js';
import type { LettingEvent } from './letting.events.js';
import { at, context, goodFacts, LISTING_ID, policy, SEALED } from './letting.fixtures.js';
import type { LettingRules } from './letting.policy.js';

/** given events / when command / then events, with the state folded by the decider's own evolve. */
function given(...events: LettingEvent[]) {
  const state = events.reduce<LettingState>(evolve, initialLettingState);
  return {
    state,
    when: (command: LettingCommand, ctx: LettingContext = context(), rules: LettingRules = policy) => decide(command, state, ctx, rules),
  };
}

const schedule = (overrides: Partial<Extract<LettingCommand, { type: 'schedule-showing' }>> = {}): LettingCommand => ({
  type: 'schedule-showing',
  showingId: 'showing-1',
  slots: [
    { startsAt: '2026-11-20T16:00:00Z', endsAt: '2026-11-20T16:30:00Z' },
    { startsAt: '2026-11-20T16:30:00Z', endsAt: '2026-11-20T17:00:00Z' },
  ],
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
const verify = (place: number, facts = goodFacts, received = '2026-11-25'): LettingCommand => ({
  type: 'record-verification',
  applicationId: `app-${place}`,
  facts,
  sealed: SEALED,
  certificatesReceivedOn: received,
  now: at(received > '2026-11-26' ? received : '2026-11-26'),
  by: 'staff-1',
});
const advance = (date: string, withdrawn: Record<string, string> = {}): LettingCommand => ({ type: 'advance', withdrawn, now: at(date) });

/** Folds commands one after another, as the service does, returning all events. */
function run(...commands: LettingCommand[]): LettingEvent[] {
  const events: LettingEvent[] = [];
  for (const command of commands) events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), context(), policy));
  return events;
}
const types = (events: LettingEvent[]) => events.map((e) => e.type);
const invitedOf = (events: LettingEvent[]) => events.flatMap((e) => (e.type === 'showing-scheduled' ? e.data.invited.map((i) => i.place) : []));

describe('showings', () => {
  test('invite the best N of the ranking (policy: 10) spread over the slots', () => {
    const [event] = given().when(schedule());
    expect(event.type).toBe('showing-scheduled');
    if (event.type !== 'showing-scheduled') return;
    expect(event.data.invited.map((i) => i.place)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(event.data.invited.map((i) => i.slot)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(event.data.invitations).toBe(10);
  });

  test('N is a policy setting; a listing keeps the N it was ranked under', () => {
    expect(invitedOf(given().when(schedule(), context(), { ...policy, showingInvitations: 3 }))).toEqual([1, 2, 3]);
    expect(invitedOf(given().when(schedule(), context({ showingInvitations: 2 }), { ...policy, showingInvitations: 3 }))).toEqual([1, 2]);
  });

  test('a withdrawn application is passed over, with the reason, and the next one invited instead', () => {
    const [event] = given().when(schedule({ withdrawn: { 'app-2': 'by-seeker' } }), context(), { ...policy, showingInvitations: 3 });
    if (event.type !== 'showing-scheduled') throw new Error(event.type);
    expect(event.data.invited.map((i) => i.place)).toEqual([1, 3, 4]);
    expect(event.data.skipped).toEqual([{ applicationId: 'app-2', applicantId: 'seeker-2', place: 2, reason: 'by-seeker' }]);
  });

  test('a second showing invites the next ones not yet invited', () => {
    const events = run(schedule(), schedule({ showingId: 'showing-2' }));
    expect(invitedOf(events)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(() => given(...events).when(schedule({ showingId: 'showing-3' }))).toThrow(expect.objectContaining({ code: 'no-one-left-to-invite' }));
  });

  test('refused before the ranking, in the past, or with an answer deadline before the showing', () => {
    expect(() => given().when(schedule(), context({ status: 'open', ranking: [] }))).toThrow(expect.objectContaining({ code: 'not-ranked' }));
    expect(() => given().when(schedule({ now: at('2026-11-21') }))).toThrow(expect.objectContaining({ code: 'slot-in-past' }));
    expect(() => given().when(schedule({ answerBy: '2026-11-19' }))).toThrow(expect.objectContaining({ code: 'answer-before-showing' }));
    expect(() => given().when(schedule({ slots: [] }))).toThrow(expect.objectContaining({ code: 'no-slots' }));
    expect(() => given().when(schedule(), context({ status: 'withdrawn' }))).toThrow(expect.objectContaining({ code: 'letting-closed', status: 409 }));
  });
});

describe('interest', () => {
  const showing = run(schedule());

  test('the best-placed yes is asked for certificates at once when no one above is still to answer', () => {
    const events = given(...showing).when(answer(1, true));
    expect(types(events)).toEqual(['interest-answered', 'verification-requested']);
    expect(events[1].data).toMatchObject({ applicationId: 'app-1', place: 1, certificatesDue: '2026-11-28' });
  });

  test('a yes waits while someone placed higher has not answered', () => {
    expect(types(given(...showing).when(answer(2, true)))).toEqual(['interest-answered']);
  });

  test('no answer by the deadline counts as no: expired, and the next yes is chosen', () => {
    const before = run(schedule(), answer(2, true));
    expect(types(given(...before).when(advance('2026-11-23')))).toEqual([]);
    const events = given(...before).when(advance('2026-11-24'));
    expect(events.filter((e) => e.type === 'invitation-expired').map((e) => e.data.applicationId)).toEqual(['app-1', 'app-3', 'app-4', 'app-5', 'app-6', 'app-7', 'app-8', 'app-9', 'app-10']);
    // Asked as soon as place 1 is out: the log reads each cause with its consequence.
    expect(types(events).slice(0, 2)).toEqual(['invitation-expired', 'verification-requested']);
    expect(events[1]).toMatchObject({ data: { applicationId: 'app-2' } });
  });

  test('an answer after the deadline is refused; answering on the deadline day is in time', () => {
    expect(() => given(...showing).when(answer(1, true, '2026-11-24'))).toThrow(expect.objectContaining({ code: 'answer-too-late' }));
    expect(types(given(...showing).when(answer(1, true, '2026-11-23')))).toContain('interest-answered');
    const expired = run(schedule(), advance('2026-11-24'));
    expect(() => given(...expired).when(answer(1, true, '2026-11-24'))).toThrow(expect.objectContaining({ code: 'answer-too-late' }));
    expect(given(...expired).when(answer(1, false, '2026-11-24'))).toEqual([]);
  });

  test('declining has no penalty and is final; the same answer again changes nothing', () => {
    const declined = run(schedule(), answer(1, false));
    expect(given(...declined).when(answer(1, false))).toEqual([]);
    expect(() => given(...declined).when(answer(1, true))).toThrow(expect.objectContaining({ code: 'already-answered' }));
    expect(() => given(...declined).when({ type: 'back-out', applicationId: 'app-1', applicantId: 'seeker-1', now: at('2026-11-22') })).toThrow(expect.objectContaining({ code: 'not-interested' }));
  });

  test('only the invited seeker answers for an invitation', () => {
    expect(() => given(...showing).when({ ...answer(1, true), applicantId: 'seeker-2' } as LettingCommand)).toThrow(expect.objectContaining({ code: 'not-invited', status: 404 }));
    expect(() => given(...showing).when(answer(11, true))).toThrow(expect.objectContaining({ code: 'not-invited' }));
  });

  test('when no one said yes and more are ranked, nothing happens until the next showing; when the ranking is used up, candidates are exhausted', () => {
    const noOne = run(schedule(), advance('2026-11-24'));
    expect(types(noOne).filter((t) => t !== 'invitation-expired')).toEqual(['showing-scheduled']);
    const second = run(
      schedule(),
      advance('2026-11-24'),
      schedule({ showingId: 'showing-2', slots: [{ startsAt: '2026-11-25T16:00:00Z', endsAt: '2026-11-25T17:00:00Z' }], answerBy: '2026-11-27', now: at('2026-11-24') }),
    );
    const last = given(...second).when(advance('2026-11-28'));
    expect(last.at(-1)).toMatchObject({ type: 'candidates-exhausted', data: { on: '2026-11-28' } });
  });
});

describe('verification', () => {
  const chosen = run(schedule(), answer(1, true));

  test('income exactly at the multiple passes, and the applicant is proposed to the landlord', () => {
    const events = given(...chosen).when(verify(1));
    expect(types(events)).toEqual(['applicant-verified', 'tenant-proposed']);
    expect(events[0].data).toMatchObject({
      checks: [
        { requirement: 'income', passed: true },
        { requirement: 'household', passed: true },
        { requirement: 'payment-remarks', passed: true },
      ],
    });
    expect(events[1].data).toEqual({
      proposalId: proposalIdFor(LISTING_ID, 'app-1'),
      applicationId: 'app-1',
      applicantId: 'seeker-1',
      landlordId: context().landlordId,
      place: 1,
      facts: SEALED,
      requirementsVerified: true,
      proposedAt: at('2026-11-26').toISOString(),
    });
  });

  test('one krona under the multiple fails; non-taxable income counts one and a half times', () => {
    const under = given(...chosen).when(verify(1, { ...goodFacts, taxableIncome: 359_999 }));
    expect(under[0]).toMatchObject({ type: 'verification-failed', data: { failed: ['income'] } });
    const mixed = given(...chosen).when(verify(1, { ...goodFacts, taxableIncome: 210_000, nonTaxableIncome: 100_000 }));
    expect(mixed[0].type).toBe('applicant-verified');
  });

  test('a failed verification moves on to the next interested applicant', () => {
    const events = run(schedule(), answer(1, true), answer(2, false), answer(3, true), verify(1, { ...goodFacts, householdSize: 5, hasPaymentRemarks: true }));
    expect(events.at(-2)).toMatchObject({ type: 'verification-failed', data: { failed: ['household', 'payment-remarks'] } });
    expect(events.at(-1)).toMatchObject({ type: 'verification-requested', data: { applicationId: 'app-3', place: 3 } });
  });

  test('age on the application deadline: a youth listing takes 18 to 25 inclusive', () => {
    const youth = context({ requirements: { incomeMultiple: null, maxHouseholdSize: null, minAge: 18, maxAge: 25, noPaymentRemarks: false } });
    const state = chosen.reduce<LettingState>(evolve, initialLettingState);
    const turns26After = decide({ ...verify(1), facts: { ...goodFacts, birthDate: '2000-11-16' } } as LettingCommand, state, youth, policy);
    expect(turns26After[0]).toMatchObject({ type: 'applicant-verified', data: { checks: [{ requirement: 'age', passed: true }] } });
    const turned26 = decide({ ...verify(1), facts: { ...goodFacts, birthDate: '2000-11-15' } } as LettingCommand, state, youth, policy);
    expect(turned26[0]).toMatchObject({ type: 'verification-failed', data: { failed: ['age'] } });
  });

  test('certificates after the due date are a withdrawal (avhopp) and the next in line is asked', () => {
    const base = run(schedule(), answer(1, true), answer(2, true));
    const late = given(...base).when(verify(1, goodFacts, '2026-11-29'));
    expect(types(late)).toEqual(['certificates-late', 'verification-requested']);
    const byDeadline = given(...base).when(advance('2026-11-29'));
    expect(byDeadline.find((e) => e.type === 'certificates-late')).toMatchObject({ data: { applicationId: 'app-1', certificatesDue: '2026-11-28', on: '2026-11-29' } });
    expect(byDeadline.find((e) => e.type === 'verification-requested')).toMatchObject({ data: { applicationId: 'app-2' } });
    expect(types(given(...base).when(advance('2026-11-28')))).not.toContain('certificates-late');
  });

  test('only the applicant being verified can be verified', () => {
    expect(() => given(...chosen).when(verify(2))).toThrow(expect.objectContaining({ code: 'not-being-verified' }));
  });
});

describe('proposal and letting', () => {
  const proposed = run(schedule(), answer(1, true), answer(2, true), verify(1));
  const proposalId = proposalIdFor(LISTING_ID, 'app-1');
  const decideProposal = (decision: 'approve' | 'reject', reason?: string, id = proposalId): LettingCommand => ({
    type: 'decide-proposal',
    proposalId: id,
    decision,
    reason,
    now: at('2026-11-27'),
    by: 'landlord-user',
  });
  const sign = (contractDate = '2026-12-01'): LettingCommand => ({ type: 'sign-contract', proposalId, contractDate, now: at('2026-11-28'), by: 'landlord-user' });

  test('a rejected proposal, with its reason, moves to the next in line', () => {
    const events = given(...proposed).when(decideProposal('reject', 'Did not come to sign the viewing protocol'));
    expect(types(events)).toEqual(['proposal-rejected', 'verification-requested']);
    expect(events[0].data).toMatchObject({ reason: 'Did not come to sign the viewing protocol', applicationId: 'app-1' });
    expect(events[1].data).toMatchObject({ applicationId: 'app-2' });
  });

  test('a rejection needs a reason; a decision is given once', () => {
    expect(() => given(...proposed).when(decideProposal('reject', '  '))).toThrow(expect.objectContaining({ code: 'reason-required' }));
    const approved = run(schedule(), answer(1, true), verify(1), decideProposal('approve'));
    expect(given(...approved).when(decideProposal('approve'))).toEqual([]);
    expect(() => given(...approved).when(decideProposal('reject', 'changed mind'))).toThrow(expect.objectContaining({ code: 'proposal-not-pending' }));
    expect(() => given(...proposed).when(decideProposal('approve', undefined, proposalIdFor(LISTING_ID, 'app-9')))).toThrow(expect.objectContaining({ code: 'no-such-proposal' }));
  });

  test('approval then signing lets the flat, with the facts statistics need', () => {
    const approved = [...proposed, ...given(...proposed).when(decideProposal('approve'))];
    expect(() => given(...proposed).when(sign())).toThrow(expect.objectContaining({ code: 'not-approved' }));
    const [signed] = given(...approved).when(sign());
    expect(signed).toMatchObject({
      type: 'contract-signed',
      data: { applicantId: 'seeker-1', contractDate: '2026-12-01', let: { tenantQueueDays: 3900, applications: 15, usesQueueTime: true, publishedOn: '2026-11-01', listingType: 'regular' } },
    });
    const let_ = given(...approved, signed);
    expect(let_.state.status).toBe('let');
    expect(let_.when(sign())).toEqual([]);
    expect(() => let_.when(answer(2, true))).toThrow(expect.objectContaining({ code: 'letting-closed' }));
  });

  test.each([
    ['short-term', 'queue-days', false, 3900],
    ['first-come', 'application-time', false, null],
    ['lottery', 'lottery', true, null],
  ] as const)('a %s letting: usesQueueTime %s, queue days %s', (listingType, method, uses, days) => {
    const ctx = context({ flat: { ...context().flat, listingType }, method, ranking: context().ranking.map((r) => (method === 'queue-days' ? r : { ...r, queueDays: null })) });
    const events: LettingEvent[] = [];
    for (const command of [schedule(), answer(1, true), verify(1), decideProposal('approve'), sign()])
      events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), ctx, policy));
    expect(events.at(-1)).toMatchObject({ type: 'contract-signed', data: { let: { usesQueueTime: uses, tenantQueueDays: days } } });
  });

  test('backing out after yes is a withdrawal (avhopp) at any stage before signing, and the next in line is asked', () => {
    const backOut: LettingCommand = { type: 'back-out', applicationId: 'app-1', applicantId: 'seeker-1', now: at('2026-11-27') };
    const events = given(...proposed).when(backOut);
    expect(events).toEqual([
      { type: 'backed-out', data: { applicationId: 'app-1', applicantId: 'seeker-1', stage: 'proposal', on: '2026-11-27', at: at('2026-11-27').toISOString() } },
      expect.objectContaining({ type: 'verification-requested', data: expect.objectContaining({ applicationId: 'app-2' }) }),
    ]);
    const early = run(schedule(), answer(2, true));
    expect(given(...early).when({ ...backOut, applicationId: 'app-2', applicantId: 'seeker-2' })[0]).toMatchObject({ data: { stage: 'interested' } });
    expect(() => given(...proposed, ...events).when(backOut)).toThrow(expect.objectContaining({ code: 'already-out' }));
  });

  test('a withdrawn application (deregistered) leaves without penalty and the next in line is asked', () => {
    const events = given(...proposed).when(advance('2026-11-27', { 'app-1': 'deregistered' }));
    expect(types(events).filter((t) => t !== 'invitation-expired')).toEqual(['participant-withdrawn', 'verification-requested']);
    expect(events.find((e) => e.type === 'verification-requested')).toMatchObject({ data: { applicationId: 'app-2' } });
  });

  test('the landlord not completing the letting cancels it once, after it was let', () => {
    const cancel: LettingCommand = { type: 'cancel-letting', reason: 'The landlord sold the property', now: at('2026-12-05'), by: 'landlord-user' };
    expect(() => given(...proposed).when(cancel)).toThrow(expect.objectContaining({ code: 'not-let' }));
    const let_ = run(schedule(), answer(1, true), verify(1), decideProposal('approve'), sign());
    const [cancelled] = given(...let_).when(cancel);
    expect(cancelled).toMatchObject({ type: 'letting-cancelled', data: { applicantId: 'seeker-1', on: '2026-12-05' } });
    expect(given(...let_, cancelled).when(cancel)).toEqual([]);
  });
});
