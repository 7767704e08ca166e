import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@bostadsko/event-store';
import { LettingCancelledV1, ListingLetV1, ProposalDecidedV1, ShowingScheduledV1, TenantProposedV1 } from '@bostadsko/contracts';
import { decide, evolve, initialLettingState, proposalIdFor, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingEvent } from './letting.events.js';
import { lettingIntegrationMessages } from './letting.integration.js';
import type { SealedOpener } from './proposed-households.js';
import { at, context, goodFacts, policy, SEALED } from './letting.fixtures.js';

const listingId = randomUUID();
const landlordId = randomUUID();
const ranking = [1, 2].map((place) => ({ place, applicationId: randomUUID(), applicantId: randomUUID(), queueDays: 3000 - place, queueStartDate: '2018-01-01', appliedAt: '2026-11-01T10:00:00Z' }));

function recorded(events: LettingEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({
    ...e,
    id: randomUUID(),
    schemaVersion: 1,
    metadata: { correlationId: 'c' },
    streamId: `letting-${listingId}`,
    revision: BigInt(i),
    position: { commit: BigInt(i), prepare: 0n },
    recordedAt: new Date('2026-11-30T10:00:00Z'),
  }));
}

function letting(listingType: 'regular' | 'short-term' | 'first-come', cancel = false): LettingEvent[] {
  const ctx = context({ listingId, landlordId, ranking, applications: 7, flat: { ...context().flat, listingType }, method: listingType === 'first-come' ? 'application-time' : 'queue-days' });
  const [first, second] = ranking;
  const commands: LettingCommand[] = [
    {
      type: 'schedule-showing',
      showingId: 's',
      slots: [{ startsAt: '2026-11-20T16:00:00Z', endsAt: '2026-11-20T17:00:00Z' }],
      answerBy: '2026-11-23',
      withdrawn: {},
      now: at('2026-11-16'),
      by: 'staff',
    },
    { type: 'answer-interest', applicationId: first.applicationId, applicantId: first.applicantId, interested: true, now: at('2026-11-21') },
    { type: 'answer-interest', applicationId: second.applicationId, applicantId: second.applicantId, interested: true, now: at('2026-11-21') },
    { type: 'record-verification', applicationId: first.applicationId, facts: goodFacts, sealed: SEALED, certificatesReceivedOn: '2026-11-22', now: at('2026-11-22'), by: 'staff' },
    { type: 'decide-proposal', proposalId: proposalIdFor(listingId, first.applicationId), decision: 'reject', reason: 'Incomplete references', now: at('2026-11-23'), by: 'landlord' },
    { type: 'record-verification', applicationId: second.applicationId, facts: goodFacts, sealed: SEALED, certificatesReceivedOn: '2026-11-24', now: at('2026-11-24'), by: 'staff' },
    { type: 'decide-proposal', proposalId: proposalIdFor(listingId, second.applicationId), decision: 'approve', now: at('2026-11-25'), by: 'landlord' },
    { type: 'sign-contract', proposalId: proposalIdFor(listingId, second.applicationId), contractDate: '2026-12-01', now: at('2026-11-26'), by: 'landlord' },
    ...(cancel ? [{ type: 'cancel-letting', reason: 'The landlord did not hand over the keys', now: at('2026-12-02'), by: 'landlord' } as const] : []),
  ];
  const events: LettingEvent[] = [];
  for (const command of commands) events.push(...decide(command, events.reduce<LettingState>(evolve, initialLettingState), ctx, policy));
  return events;
}

/** Stands in for the vault: opens every sealed fact as the certificates showed them, or finds the person erased. */
const opener = (erased = false): SealedOpener => ({ open: async <T>() => (erased ? undefined : (goodFacts as T)) });
const mapAll = async (events: readonly RecordedEvent[], vault = opener()) => (await Promise.all(events.map(lettingIntegrationMessages(vault)))).flat();

describe('letting integration messages', () => {
  test('the showing, proposals, decisions with reasons, the let and a cancellation, each valid by its contract', async () => {
    const [showing, ...messages] = await mapAll(recorded(letting('regular', true)));
    expect(showing.type).toBe(ShowingScheduledV1.type);
    const invited = ShowingScheduledV1.parse(showing.payload).invited;
    expect(invited.map((i) => i.applicantId)).toEqual(ranking.slice(0, invited.length).map((r) => r.applicantId));
    expect(invited.every((i) => i.startsAt < i.endsAt)).toBe(true);
    expect(messages.map((m) => m.type)).toEqual([TenantProposedV1.type, ProposalDecidedV1.type, TenantProposedV1.type, ProposalDecidedV1.type, ListingLetV1.type, LettingCancelledV1.type]);
    for (const m of [showing, ...messages]) expect(m.key).toBe(listingId);
    expect(TenantProposedV1.parse(messages[0].payload)).toMatchObject({ listingId, landlordId, applicantId: ranking[0].applicantId, place: 1, householdSize: 2, requirementsVerified: true });
    expect(ProposalDecidedV1.parse(messages[1].payload)).toMatchObject({ decision: 'rejected', reason: 'Incomplete references' });
    expect(ProposalDecidedV1.parse(messages[3].payload)).toMatchObject({ decision: 'approved', reason: null });
    expect(ListingLetV1.parse(messages[4].payload)).toEqual({
      listingId,
      landlordId,
      municipality: 'Göteborg',
      district: 'Majorna',
      rooms: 2,
      areaM2: 54,
      monthlyRent: 10_000,
      listingType: 'regular',
      tenantApplicantId: ranking[1].applicantId,
      contractDate: '2026-12-01',
      usesQueueTime: true,
      publishedOn: '2026-11-01',
      tenantQueueDays: 2998,
      applications: 7,
    });
    expect(LettingCancelledV1.parse(messages[5].payload)).toEqual({ listingId, tenantApplicantId: ranking[1].applicantId, on: '2026-12-02' });
  });

  test.each([
    ['short-term', false, 2998],
    ['first-come', false, null],
  ] as const)('a %s letting keeps the queue time: usesQueueTime %s', async (type, uses, days) => {
    const let_ = (await mapAll(recorded(letting(type)))).find((m) => m.type === ListingLetV1.type);
    expect(ListingLetV1.parse(let_?.payload)).toMatchObject({ usesQueueTime: uses, tenantQueueDays: days, listingType: type });
  });

  test('events of other streams and internal steps publish nothing', async () => {
    const events = recorded(letting('regular'));
    expect(await mapAll([{ ...events[0], streamId: `listing-${listingId}` }])).toEqual([]);
    expect(await mapAll(events.filter((e) => ['interest-answered', 'applicant-verified'].includes(e.type)))).toEqual([]);
  });

  test('the household size is opened from the sealed facts; once the person is erased, no proposal is published', async () => {
    const events = recorded(letting('regular'));
    expect(JSON.stringify(events.filter((e) => e.type === 'tenant-proposed').map((e) => e.data))).not.toContain('householdSize');
    const erased = await mapAll(events, opener(true));
    expect(erased.map((m) => m.type)).toEqual([ShowingScheduledV1.type, ProposalDecidedV1.type, ProposalDecidedV1.type, ListingLetV1.type]);
  });
});
