import { Inject, Injectable } from '@nestjs/common';
import { type IntegrationMessage, ReplayFilter, type SkippedMessage } from '@bostadsko/bus';
import { ApplicantRegisteredV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import type { GlobalPosition } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { busProjectionGroup, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { LettingAuditCollector } from '../letting/letting-steps.audit.js';
import { requirementFailures } from '../listing/eligibility.js';
import { isListingStream, type ListingEvent } from '../listing/listing.events.js';
import { SEEKER_STREAM_PREFIX, type Declaration, type SeekerEvent } from '../applications/seeker.events.js';
import { VAULT } from '../listings.tokens.js';
import { policyOn, type PolicyChange } from '../policy/listing-policy.js';
import { POLICY_STREAM } from '../policy/policy.service.js';
import { rank, seedHash, type Candidate } from '../ranking/rank.js';
import { standingOn, type StandingChange } from '../read-models/queue-standing.js';
import { SEEKER_TOPICS, seekersProjection } from '../read-models/seekers.projection.js';

type Published = Extract<ListingEvent, { type: 'listing-published' }>['data'];
type Ranked = Extract<ListingEvent, { type: 'applications-ranked' }>['data'];

export interface AuditDifference {
  readonly listingId: string;
  readonly what: string;
  readonly decided: unknown;
  readonly rederived: unknown;
}

export interface AuditReport {
  readonly events: number;
  readonly listings: number;
  readonly rankingsChecked: number;
  readonly allocationsChecked: number;
  /** Applications whose declaration was erased (account closed): their recorded eligibility is taken as decided. */
  readonly erasedDeclarations: number;
  /** Where the seekers' standings were replayed from: the PostgreSQL bus log, or the Kafka topics from their earliest offsets. */
  readonly standingsFrom: 'bus-log' | 'kafka-topics';
  /** Bus messages the replay left out, as the live seekers consumer did (dead-lettered, or breaking their contract). */
  readonly skippedMessages: readonly SkippedMessage[];
  readonly differences: readonly AuditDifference[];
}

interface Application {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly submittedAt: string;
  readonly declaration: Sealed;
  active: boolean;
}

/**
 * Re-derives every ranking and allocation from the log alone: the listings
 * app's events in global order (what applications were open when each listing
 * was ranked, the policy then in force) and the applicants' integration events
 * from the bus log (queue standings as known at the ranking). Reports every
 * difference from what was decided.
 */
@Injectable()
export class AllocationAudit {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async run(): Promise<AuditReport> {
    const { seekers, skippedMessages } = await this.seekerHistory();
    const listings = new Map<string, { published: Published; applications: Map<string, Application>; ranked?: Ranked }>();
    const policyChanges: PolicyChange[] = [];
    const differences: AuditDifference[] = [];
    let events = 0;
    let rankingsChecked = 0;
    let allocationsChecked = 0;
    let erasedDeclarations = 0;
    const lettings = new LettingAuditCollector();
    let after: GlobalPosition | undefined;
    for (;;) {
      const batch = await this.infra.store.readAll({ after, limit: 2000 });
      if (batch.length === 0) break;
      after = batch[batch.length - 1].position;
      for (const event of batch) {
        events++;
        lettings.add(event);
        if (event.streamId === POLICY_STREAM) {
          policyChanges.push(event.data as PolicyChange);
        } else if (event.streamId.startsWith(SEEKER_STREAM_PREFIX)) {
          const applicantId = event.streamId.slice(SEEKER_STREAM_PREFIX.length);
          const domain = event as unknown as SeekerEvent;
          if (domain.type === 'application-submitted') {
            const { applicationId, listingId, submittedAt, declaration } = domain.data;
            listings.get(listingId)?.applications.set(applicationId, { applicationId, applicantId, submittedAt, declaration, active: true });
          } else if (domain.type === 'application-withdrawn') {
            const application = listings.get(domain.data.listingId)?.applications.get(domain.data.applicationId);
            if (application) application.active = false;
          }
        } else if (isListingStream(event.streamId)) {
          const listingId = event.streamId.slice('listing-'.length);
          const domain = event as unknown as ListingEvent;
          if (domain.type === 'listing-published') {
            listings.set(listingId, { published: domain.data, applications: new Map() });
            continue;
          }
          const listing = listings.get(listingId);
          if (!listing) {
            differences.push({ listingId, what: `${domain.type} without a published listing`, decided: domain.type, rederived: null });
            continue;
          }
          if (domain.type === 'applications-ranked') {
            rankingsChecked++;
            listing.ranked = domain.data;
            const result = await this.rederive(
              listingId,
              listing.published,
              [...listing.applications.values()].filter((a) => a.active),
              domain.data,
              seekers,
              policyChanges,
            );
            erasedDeclarations += result.erased;
            differences.push(...result.differences);
          } else if (domain.type === 'listing-let') {
            allocationsChecked++;
            const place = listing.ranked?.ranking.find((r) => r.applicationId === domain.data.applicationId && r.applicantId === domain.data.tenantApplicantId);
            if (!place) differences.push({ listingId, what: 'let to an applicant who was not among the eligible ranked', decided: domain.data, rederived: null });
          }
        }
      }
    }
    const letting = lettings.differences();
    for (const { listingId, what } of letting.differences) differences.push({ listingId, what, decided: 'recorded letting', rederived: 're-derived from the ranking and the answers' });
    allocationsChecked += letting.lettings;
    return {
      events,
      listings: listings.size,
      rankingsChecked,
      allocationsChecked,
      erasedDeclarations,
      standingsFrom: this.infra.postgresBus ? 'bus-log' : 'kafka-topics',
      skippedMessages,
      differences,
    };
  }

  private async rederive(
    listingId: string,
    published: Published,
    open: readonly Application[],
    decided: Ranked,
    seekers: Map<string, { birthYear: number | null; timeline: StandingChange[] }>,
    policyChanges: readonly PolicyChange[],
  ): Promise<{ differences: AuditDifference[]; erased: number }> {
    const differences: AuditDifference[] = [];
    const differ = (what: string, d: unknown, r: unknown) => differences.push({ listingId, what, decided: d, rederived: r });
    const policy = policyOn(policyChanges, published.applicationDeadline);
    // Setting by setting: the stored event's key order is not the one it was written in.
    const settings = new Set([...Object.keys(policy), ...Object.keys(decided.policy)]);
    if ([...settings].some((k) => (policy as unknown as Record<string, unknown>)[k] !== decided.policy[k])) differ('policy in force at the deadline', decided.policy, policy);
    if (decided.method === 'lottery' && (!decided.lotterySeed || seedHash(decided.lotterySeed) !== published.lotterySeedHash)) {
      differ('lottery seed does not match the published hash', published.lotterySeedHash, decided.lotterySeed);
    }
    const decidedExcluded = new Map(decided.excluded.map((e) => [e.applicationId, e.reasons]));
    let erased = 0;
    const candidates: Candidate[] = [];
    for (const application of open) {
      const seeker = seekers.get(application.applicantId);
      const known = seeker ? seeker.timeline.filter((c) => c.occurredAt <= decided.rankedAt) : [];
      const declaration = await this.vault.open<Declaration>(application.declaration);
      let failures: string[];
      if (declaration) {
        failures = requirementFailures({
          requirements: published.requirements,
          monthlyRent: published.flat.monthlyRent,
          declaration,
          birthYear: seeker?.birthYear ?? null,
          deadline: published.applicationDeadline,
          nonTaxableIncomeFactor: policy.nonTaxableIncomeFactor,
        }).map((f) => f.code);
      } else {
        erased++;
        failures = (decidedExcluded.get(application.applicationId) ?? []).filter((r) => r !== 'not-in-queue');
      }
      candidates.push({
        applicationId: application.applicationId,
        applicantId: application.applicantId,
        submittedAt: application.submittedAt,
        failures,
        standing: standingOn(known, published.applicationDeadline),
      });
    }
    const again = rank({ listingId, method: decided.method, deadline: published.applicationDeadline, seed: decided.lotterySeed, candidates });
    if (decided.applications !== candidates.length) differ('applications considered', decided.applications, candidates.length);
    const length = Math.max(again.ranking.length, decided.ranking.length);
    for (let i = 0; i < length; i++) {
      const d = decided.ranking[i];
      const r = again.ranking[i];
      if (!d || !r || d.applicationId !== r.applicationId || d.queueDays !== r.queueDays || d.queueStartDate !== r.queueStartDate) differ(`place ${i + 1}`, d ?? null, r ?? null);
    }
    const rederivedExcluded = new Map(again.excluded.map((e) => [e.applicationId, [...e.reasons].sort().join(',')]));
    for (const [id, reasons] of decidedExcluded) {
      if (rederivedExcluded.get(id) !== [...reasons].sort().join(',')) differ(`exclusion of application ${id}`, reasons, rederivedExcluded.get(id) ?? null);
    }
    for (const [id, reasons] of rederivedExcluded) if (!decidedExcluded.has(id)) differ(`exclusion of application ${id}`, null, reasons);
    return { differences, erased };
  }

  /**
   * Birth years and standing timelines, replayed from the bus the app consumes: the PostgreSQL bus log,
   * or the Kafka topics from their earliest offsets (each seeker's messages in order, as their key's
   * partition keeps them). The replay applies what the live seekers consumer applied, so the standings
   * are the ones the ranking saw, and it names what it left out.
   */
  private async seekerHistory(): Promise<{ seekers: Map<string, { birthYear: number | null; timeline: StandingChange[] }>; skippedMessages: SkippedMessage[] }> {
    const seekers = new Map<string, { birthYear: number | null; timeline: StandingChange[] }>();
    const entry = (id: string) => {
      let seeker = seekers.get(id);
      if (!seeker) seekers.set(id, (seeker = { birthYear: null, timeline: [] }));
      return seeker;
    };
    // The app's name, not this process's: the audit runs as its own process beside the live app.
    const filter = await ReplayFilter.forGroup(this.infra.pool, busProjectionGroup('listings', seekersProjection));
    const seen = new Set<string>();
    const fold = (messages: readonly IntegrationMessage[]) => {
      for (const message of messages) if (filter.admits(message)) this.fold(entry, seen, message);
    };
    const { postgresBus, kafkaBus } = this.infra;
    if (postgresBus) {
      let after: { commit: bigint; prepare: bigint } | undefined;
      for (;;) {
        const batch = await postgresBus.readLog(after, SEEKER_TOPICS, 5000);
        if (batch.length === 0) break;
        after = batch[batch.length - 1].position;
        fold(batch.map((b) => b.message));
      }
    } else if (kafkaBus) {
      const replay = await kafkaBus.replay({ topics: SEEKER_TOPICS, onUnreadable: (message, error) => filter.unreadableRecord(message, error) });
      try {
        for (let batch = await replay.read(5000); batch.length > 0; batch = await replay.read(5000)) fold(batch);
      } finally {
        await replay.close();
      }
    } else {
      throw new Error('The allocations audit replays the seekers from a bus that keeps its messages (PostgreSQL or Kafka)');
    }
    return { seekers, skippedMessages: filter.skipped };
  }

  private fold(entry: (id: string) => { birthYear: number | null; timeline: StandingChange[] }, seen: Set<string>, message: IntegrationMessage): void {
    if (seen.has(message.id)) return;
    seen.add(message.id);
    if (message.type === ApplicantRegisteredV1.type) {
      const registered = ApplicantRegisteredV1.parse(message.payload);
      entry(registered.applicantId).birthYear = registered.birthYear ?? null;
    } else if (message.type === QueueStandingChangedV1.type) {
      const s = QueueStandingChangedV1.parse(message.payload);
      entry(s.applicantId).timeline.push({
        messageId: message.id,
        status: s.status,
        queueStartDate: s.queueStartDate,
        effectiveFrom: s.effectiveFrom,
        reason: s.reason,
        occurredAt: message.occurredAt,
      });
    }
  }
}
