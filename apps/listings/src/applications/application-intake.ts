import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import type { CommandContext } from '@bostadsko/command-handling';
import { VersionConflictError, type StreamAppend } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { NotFound } from '@bostadsko/platform';
import { Batcher, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { requirementFailures } from '../listing/eligibility.js';
import type { ListingState } from '../listing/listing.decider.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream, type Declaration, type SeekerEvent } from './seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { VAULT } from '../listings.tokens.js';
import { Clock } from '@bostadsko/clock';
import type { ListingPolicy } from '../policy/listing-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import { standingOn } from '../read-models/queue-standing.js';
import { seekerFacts, type SeekerFacts } from '../read-models/seekers.projection.js';
import { assertInQueue, type ApplyCheck, type SeekerCommand } from './seeker.decider.js';
import { ListingStates } from './listing-states.js';
import { SeekerHandler } from './seeker.stream.js';

export interface ApplyRequest {
  readonly applicantId: string;
  readonly listingId: string;
  readonly declaration: { readonly householdSize: number; readonly taxableIncome: number; readonly nonTaxableIncome: number; readonly hasPaymentRemarks: boolean };
  /** Taken in the request, idempotency mark included: the batch runs in whichever request started it. */
  readonly context: CommandContext;
}

export interface Applied {
  readonly applicationId: string;
  readonly listingId: string;
  readonly submittedAt: string;
}

/** Enough for a burst at a popular listing's deadline, small enough that one flush stays a few milliseconds. */
const BATCH = { maxBatch: 64, maxConcurrent: 1 };

/**
 * Applications arrive in bursts before popular deadlines. Applies that arrive
 * while others are being written are decided together: one read of their
 * streams, seeker facts and keys, and one write of all their events. Each is
 * still decided alone on its own seeker stream by the same handler, and one that
 * meets a concurrent change is retried alone on fresh state. An apply whose
 * request already wrote its application (a retry after a crash) is answered
 * from the stream with that application.
 */
@Injectable()
export class ApplicationIntake {
  private readonly batcher = new Batcher<ApplyRequest, Applied>((requests) => this.decideTogether(requests), BATCH);
  private readonly listingStates: ListingStates;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly seekers: SeekerHandler,
    listings: ListingHandler,
    private readonly policy: PolicyService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {
    this.listingStates = new ListingStates(listings);
  }

  apply(request: ApplyRequest): Promise<Applied> {
    return this.batcher.submit(request);
  }

  private async decideTogether(requests: ApplyRequest[]): Promise<Array<Applied | Error>> {
    const now = this.clock.now();
    const today = stockholmDate(now);
    const applicantIds = requests.map((r) => r.applicantId);
    const listingIds = requests.map((r) => r.listingId);
    const [streams, facts, policy, sealed] = await Promise.all([
      this.infra.store.readStreams([...applicantIds.map(seekerStream), ...listingIds.map(listingStream)], this.listingStates.from(listingIds, listingStream)),
      seekerFacts(this.infra.pool, applicantIds),
      this.policy.recentlyOn(today),
      this.vault.sealEach(requests.map((r) => ({ subject: r.applicantId, value: r.declaration }))),
    ]);
    const listings = new Map<string, ListingState>();
    const listingOf = (listingId: string) => {
      if (!listings.has(listingId)) listings.set(listingId, this.listingStates.after(listingId, streams.get(listingStream(listingId))!));
      return listings.get(listingId)!;
    };

    const outcomes: Array<Applied | Error | undefined> = requests.map(() => undefined);
    const appends: StreamAppend[] = [];
    const appended: Array<{ readonly request: number; readonly events: readonly SeekerEvent[] }> = [];
    const seen = new Set<string>();
    requests.forEach((request, i) => {
      // A second apply by the same seeker in one batch would expect the same revision: it goes alone, after.
      if (seen.has(request.applicantId)) return;
      seen.add(request.applicantId);
      const stream = seekerStream(request.applicantId);
      try {
        const decision = this.seekers.decideOn(
          stream,
          this.seekers.fold(streams.get(stream)!),
          () => applyCommand(request, now, listingOf(request.listingId), facts.get(request.applicantId), policy, sealed[i]),
          request.context,
        );
        if ('replayed' in decision) {
          outcomes[i] = appliedIn(decision.replayed.events);
        } else {
          appends.push(decision.append);
          appended.push({ request: i, events: decision.decided.events });
        }
      } catch (error) {
        outcomes[i] = error instanceof Error ? error : new Error(String(error));
      }
    });
    const written = await this.infra.store.appendEach(appends);
    written.forEach((result, j) => {
      const { request, events } = appended[j];
      if (!(result instanceof VersionConflictError)) outcomes[request] = appliedIn(events);
    });
    // Most batches have no one to retry alone; waiting on each outcome would cost a burst two promises an apply.
    if (outcomes.every((outcome) => outcome !== undefined)) return outcomes as Array<Applied | Error>;
    return Promise.all(outcomes.map((outcome, i) => outcome ?? this.applyAlone(requests[i]).catch((error: Error) => error)));
  }

  /** One apply on fresh state, retried on a concurrent change of the seeker's stream. */
  private async applyAlone(request: ApplyRequest): Promise<Applied> {
    const now = this.clock.now();
    const today = stockholmDate(now);
    const [listing, facts, policy, [sealed]] = await Promise.all([
      this.listingStates.fresh(request.listingId),
      seekerFacts(this.infra.pool, [request.applicantId]),
      this.policy.recentlyOn(today),
      this.vault.sealEach([{ subject: request.applicantId, value: request.declaration }]),
    ]);
    const result = await this.seekers.handleOn(seekerStream(request.applicantId), () => applyCommand(request, now, listing, facts.get(request.applicantId), policy, sealed), request.context);
    return appliedIn(result.events);
  }
}

/** The application an apply wrote, from its events: the same answer when a retried request finds them already written. */
function appliedIn(events: readonly SeekerEvent[]): Applied {
  const submitted = events.find((e) => e.type === 'application-submitted');
  if (submitted?.type !== 'application-submitted') throw new Error('An apply recorded no application');
  const { applicationId, listingId, submittedAt } = submitted.data;
  return { applicationId, listingId, submittedAt };
}

/**
 * What the seeker's decider needs to decide an apply. A closed account's key is
 * erased and sealing fails; that seeker is refused as not in the queue first.
 */
function applyCommand(request: ApplyRequest, now: Date, listing: ListingState, fact: SeekerFacts | undefined, policy: ListingPolicy, sealed: Sealed | Error): SeekerCommand & { type: 'apply' } {
  const check = applyCheck(request.listingId, now, listing, fact, policy, request.declaration);
  assertInQueue(check.standing);
  if (sealed instanceof Error) throw sealed;
  return { type: 'apply', applicationId: randomUUID(), declaration: sealed, ...check };
}

/**
 * The listing's and the seeker's side of an apply, for applying and for asking
 * first. Without a declaration only the requirements that need none are checked.
 */
export function applyCheck(listingId: string, now: Date, listing: ListingState, fact: SeekerFacts | undefined, policy: ListingPolicy, declaration: Declaration | null): ApplyCheck {
  if (listing.status === 'none') throw new NotFound('No such listing');
  return {
    listingId,
    now,
    listingDeadline: listing.status === 'open' ? listing.published.applicationDeadline : null,
    standing: (fact && standingOn(fact.timeline, stockholmDate(now))?.status) ?? 'unknown',
    failures: requirementFailures({
      requirements: listing.published.requirements,
      monthlyRent: listing.published.flat.monthlyRent,
      declaration,
      birthYear: fact?.birthYear ?? null,
      deadline: listing.published.applicationDeadline,
      nonTaxableIncomeFactor: policy.nonTaxableIncomeFactor,
    }),
    policy,
  };
}
