import type { RecordedEvent } from '@bostadsko/event-store';
import { decide, evolve, initialLettingState, proposalIdFor, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingEvent } from './letting.events.js';
import { landlordExplanation, seekerExplanation, staffExplanation, stage } from './letting.explanation.js';
import { proposedHouseholds } from './proposed-households.js';
import { at, context, goodFacts, LISTING_ID, policy, SEALED } from './letting.fixtures.js';

const ctx = context();
const commands: LettingCommand[] = [
  {
    type: 'schedule-showing',
    showingId: 's-1',
    slots: [{ startsAt: '2026-11-20T16:00:00Z', endsAt: '2026-11-20T17:00:00Z' }],
    answerBy: '2026-11-23',
    withdrawn: { 'app-2': 'deregistered' },
    now: at('2026-11-16'),
    by: 'staff-9',
  },
  { type: 'answer-interest', applicationId: 'app-1', applicantId: 'seeker-1', interested: true, now: at('2026-11-21') },
  { type: 'answer-interest', applicationId: 'app-3', applicantId: 'seeker-3', interested: false, now: at('2026-11-21') },
  { type: 'answer-interest', applicationId: 'app-4', applicantId: 'seeker-4', interested: true, now: at('2026-11-21') },
  { type: 'record-verification', applicationId: 'app-1', facts: goodFacts, sealed: SEALED, certificatesReceivedOn: '2026-11-22', now: at('2026-11-22'), by: 'staff-9' },
  { type: 'decide-proposal', proposalId: proposalIdFor(LISTING_ID, 'app-1'), decision: 'reject', reason: 'Previous landlord reports disturbances', now: at('2026-11-23'), by: 'landlord-user' },
];
const events: LettingEvent[] = [];
for (const command of commands) events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), ctx, policy));
const state = events.reduce<LettingState>(evolve, initialLettingState);
const recorded = events.map(
  (e, i) =>
    ({
      ...e,
      id: `e-${i}`,
      schemaVersion: 1,
      metadata: { correlationId: 'c', actor: 'someone' },
      streamId: `letting-${LISTING_ID}`,
      revision: BigInt(i),
      position: { commit: BigInt(i), prepare: 0n },
      recordedAt: new Date('2026-11-23T12:00:00Z'),
    }) as RecordedEvent,
);

describe('explanations', () => {
  test("a seeker sees their own steps and how it went for those placed above, never another seeker's id or reason", () => {
    const mine = seekerExplanation(ctx, state, recorded, 'app-4');
    expect(mine).toMatchObject({
      place: 4,
      of: 12,
      outcome: 'verification',
      certificatesDue: '2026-11-30',
      invitedAbove: { 'not approved by the landlord': 1, 'application ended': 1, 'declined or did not answer': 1 },
    });
    const text = JSON.stringify(mine);
    for (const other of ['seeker-1', 'seeker-2', 'seeker-3', 'app-1', 'app-3', 'disturbances']) expect(text).not.toContain(other);

    const rejected = seekerExplanation(ctx, state, recorded, 'app-1');
    expect(rejected).toMatchObject({
      outcome: 'rejected',
      landlordsReason: 'Previous landlord reports disturbances',
      checks: [expect.objectContaining({ requirement: 'income', passed: true }), expect.anything(), expect.anything()],
    });
  });

  test('the landlord sees its proposals (place, household, checks, decision and reason), not the other applicants', async () => {
    // The vault's part, opening the sealed verified facts, is covered on PostgreSQL in letting.int-spec.
    const view = landlordExplanation(ctx, state, recorded, await proposedHouseholds({ open: async <T>() => goodFacts as T }, recorded));
    expect(view.proposals).toEqual([expect.objectContaining({ place: 1, householdSize: 2, status: 'rejected', reason: 'Previous landlord reports disturbances' })]);
    expect(view.showings[0].slots[0]).toMatchObject({ invited: 10 });
    for (const id of ['seeker-', 'app-']) expect(JSON.stringify(view)).not.toContain(id);
  });

  test('staff see every step with who decided and why, without the sealed figures', () => {
    const full = staffExplanation(ctx, state, recorded);
    expect(full.steps.map((s) => s.type)).toEqual(events.map((e) => e.type));
    expect(full.steps.find((s) => s.type === 'showing-scheduled')?.explanation).toMatch(/10 best-placed applicants not yet invited were invited \(policy: 10\).*1 passed over/);
    expect(full.steps.find((s) => s.type === 'applicant-verified')?.data).not.toHaveProperty('facts');
    expect(stage(state, ctx)).toBe('Verifying the applicant at place 4: certificates due by 2026-11-30');
  });
});
