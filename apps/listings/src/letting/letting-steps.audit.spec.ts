import type { ListingEvent } from '../listing/listing.events.js';
import { auditAllocation, LettingAuditCollector } from './letting-steps.audit.js';
import { decide, evolve, initialLettingState, proposalIdFor, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingEvent } from './letting.events.js';
import { at, context, goodFacts, LISTING_ID, policy, SEALED } from './letting.fixtures.js';

const ctx = context();
const listingEvents: ListingEvent[] = [
  {
    type: 'listing-published',
    data: {
      listingId: LISTING_ID,
      landlordId: ctx.landlordId,
      publishedBy: 'landlord-user',
      publishedAt: '2026-11-01T08:00:00Z',
      publishedOn: ctx.publishedOn,
      flat: ctx.flat,
      requirements: ctx.requirements,
      applicationDeadline: '2026-11-15',
    },
  },
  {
    type: 'applications-ranked',
    data: {
      rankedAt: '2026-11-16T00:05:00Z',
      deadline: '2026-11-15',
      policy: { nonTaxableIncomeFactor: 1.5, showingInvitations: 10 },
      method: 'queue-days',
      ranking: ctx.ranking,
      excluded: [
        { applicationId: 'x-1', applicantId: 'y-1', reasons: ['income-below-multiple'] },
        { applicationId: 'x-2', applicantId: 'y-2', reasons: ['not-in-queue'] },
        { applicationId: 'x-3', applicantId: 'y-3', reasons: ['household-too-large'] },
      ],
      applications: 15,
    },
  },
];

const proposal = (place: number) => proposalIdFor(LISTING_ID, `app-${place}`);
const commands: LettingCommand[] = [
  {
    type: 'schedule-showing',
    showingId: 's-1',
    slots: [{ startsAt: '2026-11-20T16:00:00Z', endsAt: '2026-11-20T17:00:00Z' }],
    answerBy: '2026-11-23',
    withdrawn: { 'app-4': 'by-seeker' },
    now: at('2026-11-16'),
    by: 'staff',
  },
  { type: 'answer-interest', applicationId: 'app-2', applicantId: 'seeker-2', interested: true, now: at('2026-11-21') },
  { type: 'answer-interest', applicationId: 'app-3', applicantId: 'seeker-3', interested: true, now: at('2026-11-21') },
  { type: 'answer-interest', applicationId: 'app-5', applicantId: 'seeker-5', interested: true, now: at('2026-11-21') },
  { type: 'answer-interest', applicationId: 'app-6', applicantId: 'seeker-6', interested: false, now: at('2026-11-21') },
  { type: 'advance', withdrawn: {}, now: at('2026-11-24') },
  { type: 'record-verification', applicationId: 'app-2', facts: { ...goodFacts, householdSize: 6 }, sealed: SEALED, certificatesReceivedOn: '2026-11-25', now: at('2026-11-25'), by: 'staff' },
  { type: 'record-verification', applicationId: 'app-3', facts: goodFacts, sealed: SEALED, certificatesReceivedOn: '2026-11-26', now: at('2026-11-26'), by: 'staff' },
  { type: 'decide-proposal', proposalId: proposal(3), decision: 'reject', reason: 'References from the previous landlord', now: at('2026-11-27'), by: 'landlord-user' },
  { type: 'record-verification', applicationId: 'app-5', facts: goodFacts, sealed: SEALED, certificatesReceivedOn: '2026-11-28', now: at('2026-11-28'), by: 'staff' },
  { type: 'decide-proposal', proposalId: proposal(5), decision: 'approve', now: at('2026-11-29'), by: 'landlord-user' },
  { type: 'sign-contract', proposalId: proposal(5), contractDate: '2026-12-01', now: at('2026-11-30'), by: 'landlord-user' },
];

function record(): LettingEvent[] {
  const events: LettingEvent[] = [];
  for (const command of commands) events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), ctx, policy));
  return events;
}
const letting = record();
const listingLet: ListingEvent = { type: 'listing-let', data: { tenantApplicantId: 'seeker-5', applicationId: 'app-5', contractDate: '2026-12-01' } };
const fullListing = [...listingEvents, listingLet];

const replace = (events: LettingEvent[], index: number, event: LettingEvent | undefined) => [...events.slice(0, index), ...(event ? [event] : []), ...events.slice(index + 1)];
const indexOf = (events: LettingEvent[], type: string, applicationId?: string) =>
  events.findIndex((e) => e.type === type && (applicationId === undefined || (e.data as { applicationId?: string }).applicationId === applicationId));

describe('allocation audit: re-derives who should have been invited, verified and proposed', () => {
  test('the log written by the rules agrees with the rules', () => {
    expect(letting.map((e) => e.type)).toContain('proposal-rejected');
    expect(auditAllocation(fullListing, letting)).toEqual([]);
  });

  test('a later-placed applicant asked for certificates instead of the next in line is reported', () => {
    const i = indexOf(letting, 'verification-requested', 'app-5');
    const tampered = replace(letting, i, { ...letting[i], data: { ...letting[i].data, applicationId: 'app-7', applicantId: 'seeker-7', place: 7 } } as LettingEvent);
    const differences = auditAllocation(fullListing, tampered);
    expect(differences[0]).toMatch(/recorded verification-requested for app-7 \(place 7\), the rules derive verification-requested for app-5 \(place 5\)/);
    // What followed on the wrong path is reported too, so nothing downstream passes unseen.
    expect(differences.length).toBeGreaterThan(1);
  });

  test('a rejection not followed by the next in line is reported', () => {
    const rejected = indexOf(letting, 'proposal-rejected');
    const truncated = letting.slice(0, rejected + 1);
    expect(auditAllocation(listingEvents, truncated)).toEqual(['after the last letting event: verification-requested for app-5 (place 5) should have been recorded']);
  });

  test('inviting someone out of ranking order is reported', () => {
    const showing = letting[0];
    if (showing.type !== 'showing-scheduled') throw new Error(showing.type);
    const invited = showing.data.invited.map((i) => (i.place === 10 ? { ...i, applicationId: 'app-12', applicantId: 'seeker-12', place: 12 } : i));
    const differences = auditAllocation(fullListing, replace(letting, 0, { ...showing, data: { ...showing.data, invited } }));
    expect(differences[0]).toMatch(/letting event 0 \(showing-scheduled\): invited \[.*app-12@12, app-11@11\], the ranking gives \[.*app-9@9, app-10@10, app-11@11\]/);
  });

  test('a verification that passed someone with a failed check, or a wrong let, is reported', () => {
    const v = indexOf(letting, 'applicant-verified', 'app-3');
    const verified = letting[v];
    if (verified.type !== 'applicant-verified') throw new Error(verified.type);
    const checks = verified.data.checks.map((c) => (c.requirement === 'income' ? { ...c, passed: false } : c));
    expect(auditAllocation(fullListing, replace(letting, v, { ...verified, data: { ...verified.data, checks } }))).toEqual([expect.stringMatching(/app-3 verified although \[income\] failed/)]);

    const s = indexOf(letting, 'contract-signed');
    const signed = letting[s];
    if (signed.type !== 'contract-signed') throw new Error(signed.type);
    expect(auditAllocation(fullListing, replace(letting, s, { ...signed, data: { ...signed.data, let: { ...signed.data.let, usesQueueTime: false } } }))).toEqual([
      expect.stringMatching(/usesQueueTime false on a regular listing/),
    ]);
    expect(auditAllocation(listingEvents, letting)).toEqual(['the contract was signed with app-5 but the listing is not marked let']);
  });

  test('an expiry before the deadline and a proposal no one derived are reported', () => {
    const e = indexOf(letting, 'invitation-expired', 'app-1');
    const early = replace(letting, e, { ...letting[e], data: { ...letting[e].data, on: '2026-11-23' } } as LettingEvent);
    expect(auditAllocation(fullListing, early)).toEqual([expect.stringMatching(/app-1 expired on 2026-11-23, before its deadline 2026-11-23 had passed/)]);
    const extra: LettingEvent = { type: 'candidates-exhausted', data: { on: '2026-11-24' } };
    expect(auditAllocation(fullListing, [...letting.slice(0, 5), extra, ...letting.slice(5)])[0]).toMatch(/candidates-exhausted was recorded, but the rules derive nothing/);
  });

  test('a showing sized by another policy than the one the listing was ranked under is reported', () => {
    const ranked = listingEvents[1];
    if (ranked.type !== 'applications-ranked') throw new Error(ranked.type);
    const underFive: ListingEvent[] = [listingEvents[0], { ...ranked, data: { ...ranked.data, policy: { ...ranked.data.policy, showingInvitations: 5 } } }, listingLet];
    expect(auditAllocation(underFive, letting)[0]).toBe('letting event 0 (showing-scheduled): showing size 10, the listing was ranked under a policy of 5');
  });

  test('no listing, no letting: nothing to report; letting events without a listing are reported', () => {
    expect(auditAllocation([], [])).toEqual([]);
    expect(auditAllocation([], letting)).toEqual(['letting events recorded for a listing that was never published']);
  });

  test('over the whole log: only listing and letting streams are kept, each letting audited against its listing', () => {
    const collector = new LettingAuditCollector();
    const other = '33333333-3333-4333-8333-333333333333';
    collector.add({ streamId: `listing-seeker-${other}`, type: 'application-submitted', data: {} });
    for (const e of fullListing) collector.add({ ...e, streamId: `listing-${LISTING_ID}` });
    for (const e of letting) collector.add({ ...e, streamId: `letting-${LISTING_ID}` });
    collector.add({ streamId: `letting-${other}`, type: 'interest-answered', data: { applicationId: 'a', applicantId: 'b', interested: true, answeredAt: '2026-11-21T10:00:00Z' } });
    expect(collector.differences()).toEqual({ lettings: 2, differences: [{ listingId: other, what: 'letting events recorded for a listing that was never published' }] });
  });
});
