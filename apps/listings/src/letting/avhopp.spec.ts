import { blockedUntil, decideSeeker, evolveSeeker, initialSeekerState, type SeekerState } from '../applications/seeker.decider.js';
import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { decide, evolve, initialLettingState, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingEvent } from './letting.events.js';
import { followUpsOf } from './letting.follow-ups.js';
import { at, context, goodFacts, policy, SEALED } from './letting.fixtures.js';

/** One letting in which seeker-1 said yes and then `exit`s: returns the letting events. */
function lettingWhere(exit: 'back-out' | 'late' | 'decline' | 'no-answer', date: string): LettingEvent[] {
  const commands: LettingCommand[] = [
    { type: 'schedule-showing', showingId: 's', slots: [{ startsAt: `${date}T16:00:00Z`, endsAt: `${date}T17:00:00Z` }], answerBy: date, withdrawn: {}, now: at(date, '08:00:00'), by: 'staff' },
  ];
  if (exit === 'decline') commands.push({ type: 'answer-interest', applicationId: 'app-1', applicantId: 'seeker-1', interested: false, now: at(date, '18:00:00') });
  else if (exit === 'no-answer') commands.push({ type: 'advance', withdrawn: {}, now: at(date, '23:30:00') });
  else {
    commands.push({ type: 'answer-interest', applicationId: 'app-1', applicantId: 'seeker-1', interested: true, now: at(date, '18:00:00') });
    commands.push(
      exit === 'back-out'
        ? { type: 'back-out', applicationId: 'app-1', applicantId: 'seeker-1', now: at(date, '19:00:00') }
        : { type: 'record-verification', applicationId: 'app-1', facts: goodFacts, sealed: SEALED, certificatesReceivedOn: date, now: at(date, '20:00:00'), by: 'staff' },
    );
  }
  const events: LettingEvent[] = [];
  const rules = exit === 'late' ? { ...policy, certificateDays: -1 } : policy;
  for (const command of commands) events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), context({ listingId: `listing-${date}` }), rules));
  return events;
}

/** The seeker's stream after the follow-ups of their lettings, as the runner applies them. */
function seekerAfter(lettings: LettingEvent[][]): SeekerState {
  let state = initialSeekerState;
  for (const [i, events] of lettings.entries()) {
    for (const followUp of events.flatMap(followUpsOf)) {
      if (followUp.kind !== 'record-avhopp' || followUp.applicantId !== 'seeker-1') continue;
      const command = { type: 'record-avhopp' as const, listingId: `listing-${i}`, applicationId: `${followUp.applicationId}-${i}`, on: followUp.on, kind: followUp.avhopp, policy: DEFAULT_POLICY };
      state = decideSeeker(command, state).reduce(evolveSeeker, state);
    }
  }
  return state;
}

describe('avhopp from lettings: two within 12 months block applying for 6 months', () => {
  test('backing out after yes and late certificates are avhopp; declining and not answering are not', () => {
    expect(lettingWhere('back-out', '2026-03-01').flatMap(followUpsOf)).toContainEqual(expect.objectContaining({ kind: 'record-avhopp', avhopp: 'backed-out-after-yes', applicantId: 'seeker-1' }));
    expect(lettingWhere('late', '2026-03-01').flatMap(followUpsOf)).toContainEqual(expect.objectContaining({ kind: 'record-avhopp', avhopp: 'late-certificates', applicantId: 'seeker-1' }));
    for (const exit of ['decline', 'no-answer'] as const) {
      const followUps = lettingWhere(exit, '2026-03-01')
        .flatMap(followUpsOf)
        .filter((f) => 'applicantId' in f && f.applicantId === 'seeker-1');
      expect(followUps).toEqual([{ kind: 'end-application', applicantId: 'seeker-1', applicationId: 'app-1', reason: 'declined' }]);
    }
  });

  test('one avhopp does not block', () => {
    expect(blockedUntil(seekerAfter([lettingWhere('back-out', '2026-03-01')]), DEFAULT_POLICY, '2026-03-02')).toBeNull();
  });

  test('a second within 12 months blocks for 6 months from the second', () => {
    const seeker = seekerAfter([lettingWhere('back-out', '2026-01-10'), lettingWhere('late', '2026-11-20')]);
    expect(seeker.avhopps.map((a) => a.kind)).toEqual(['backed-out-after-yes', 'late-certificates']);
    expect(blockedUntil(seeker, DEFAULT_POLICY, '2026-11-20')).toBe('2027-05-20');
    expect(blockedUntil(seeker, DEFAULT_POLICY, '2027-05-20')).toBeNull();
  });

  test('two avhopps 12 months apart do not block; declines never count', () => {
    expect(blockedUntil(seekerAfter([lettingWhere('back-out', '2025-01-10'), lettingWhere('back-out', '2026-01-10')]), DEFAULT_POLICY, '2026-01-11')).toBeNull();
    expect(
      blockedUntil(seekerAfter([lettingWhere('back-out', '2026-01-10'), lettingWhere('decline', '2026-02-10'), lettingWhere('no-answer', '2026-03-10')]), DEFAULT_POLICY, '2026-03-11'),
    ).toBeNull();
  });
});
