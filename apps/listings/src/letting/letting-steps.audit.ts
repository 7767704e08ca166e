import { stockholmDate } from '@bostadsko/calendar';
import { isListingStream, type ListingEvent } from '../listing/listing.events.js';
import { allocate, evolve, initialLettingState, nextInvitees, proposalIdFor, type LettingState } from './letting.decider.js';
import { lettingContext, usesQueueTime, type LettingContext } from './letting.context.js';
import { DERIVED_EVENTS, LETTING_STREAM_PREFIX, type LettingEvent } from './letting.events.js';
import { requiredChecks } from './verification.js';

type AnyEvent = { readonly type: string; readonly data: unknown; readonly revision?: bigint };

const label = (event: AnyEvent, index: number) => `letting event ${event.revision ?? index} (${event.type})`;

function describe(event: LettingEvent): string {
  switch (event.type) {
    case 'verification-requested':
      return `verification-requested for ${event.data.applicationId} (place ${event.data.place})`;
    case 'tenant-proposed':
      return `tenant-proposed ${event.data.proposalId} for ${event.data.applicationId} (place ${event.data.place})`;
    default:
      return event.type;
  }
}

/** The parts of a derived event the rules decide (who, and which proposal); times and due dates are the clock's. */
function sameDecision(recorded: LettingEvent, derived: LettingEvent): boolean {
  if (recorded.type !== derived.type) return false;
  if (recorded.type === 'verification-requested' && derived.type === 'verification-requested') {
    return recorded.data.applicationId === derived.data.applicationId && recorded.data.applicantId === derived.data.applicantId && recorded.data.place === derived.data.place;
  }
  if (recorded.type === 'tenant-proposed' && derived.type === 'tenant-proposed') {
    const r = recorded.data;
    const d = derived.data;
    return r.proposalId === d.proposalId && r.applicationId === d.applicationId && r.applicantId === d.applicantId && r.place === d.place && r.landlordId === d.landlordId && r.requirementsVerified;
  }
  return true;
}

/** What the rules derive right after `event` was applied, giving `state`. */
function derivedAfter(event: LettingEvent, state: LettingState, context: LettingContext): LettingEvent[] {
  if (event.type === 'applicant-verified') {
    const candidate = state.candidates[event.data.applicationId];
    return [
      {
        type: 'tenant-proposed',
        data: {
          proposalId: proposalIdFor(context.listingId, event.data.applicationId),
          applicationId: event.data.applicationId,
          applicantId: event.data.applicantId,
          landlordId: context.landlordId,
          place: candidate?.place ?? 0,
          facts: event.data.facts,
          requirementsVerified: true,
          proposedAt: '',
        },
      },
    ];
  }
  return allocate(state, context, { certificateDays: 0 }, new Date(0));
}

/** Whether a recorded fact was possible in the state the log had reached: the rules' preconditions, re-checked. */
function factProblem(event: LettingEvent, state: LettingState, context: LettingContext): string | undefined {
  const current = state.current === undefined ? undefined : state.candidates[state.current];
  switch (event.type) {
    case 'showing-scheduled': {
      if (context.showingInvitations !== undefined && event.data.invitations !== context.showingInvitations) {
        return `showing size ${event.data.invitations}, the listing was ranked under a policy of ${context.showingInvitations}`;
      }
      const withdrawn = Object.fromEntries(event.data.skipped.map((s) => [s.applicationId, s.reason]));
      const expected = nextInvitees(state, context, event.data.invitations, withdrawn, event.data.slots.length);
      const got = event.data.invited.map((i) => `${i.applicationId}@${i.place}`).join(', ');
      const want = expected.invited.map((i) => `${i.applicationId}@${i.place}`).join(', ');
      if (got !== want) return `invited [${got}], the ranking gives [${want}]`;
      const skippedGot = event.data.skipped.map((s) => s.applicationId).join(', ');
      const skippedWant = expected.skipped.map((s) => s.applicationId).join(', ');
      if (skippedGot !== skippedWant) return `passed over [${skippedGot}], expected [${skippedWant}]`;
      return undefined;
    }
    case 'interest-answered': {
      const invitation = state.invitations[event.data.applicationId];
      if (!invitation || invitation.applicantId !== event.data.applicantId) return `${event.data.applicationId} answered without an invitation`;
      if (invitation.answer !== 'pending') return `${event.data.applicationId} answered again after ${invitation.answer}`;
      const answeredOn = stockholmDate(new Date(event.data.answeredAt));
      if (answeredOn > invitation.answerBy) return `${event.data.applicationId} answered on ${answeredOn}, after the deadline ${invitation.answerBy}`;
      return undefined;
    }
    case 'invitation-expired': {
      const invitation = state.invitations[event.data.applicationId];
      if (!invitation || invitation.answer !== 'pending') return `${event.data.applicationId} expired without a pending invitation`;
      if (event.data.on <= invitation.answerBy) return `${event.data.applicationId} expired on ${event.data.on}, before its deadline ${invitation.answerBy} had passed`;
      return undefined;
    }
    case 'applicant-verified':
    case 'verification-failed': {
      if (current?.applicationId !== event.data.applicationId || current.outcome !== 'verification') return `${event.data.applicationId} verified while not the applicant being verified`;
      const checked = event.data.checks.map((c) => c.requirement).join(', ');
      const required = requiredChecks(context.requirements).join(', ');
      if (checked !== required) return `checked [${checked}], the listing requires [${required}]`;
      const failed = event.data.checks.filter((c) => !c.passed).map((c) => c.requirement);
      if (event.type === 'applicant-verified' && failed.length > 0) return `${event.data.applicationId} verified although [${failed.join(', ')}] failed`;
      if (event.type === 'verification-failed' && (failed.length === 0 || failed.join() !== event.data.failed.join()))
        return `${event.data.applicationId} failed on [${event.data.failed.join(', ')}] but the checks say [${failed.join(', ')}]`;
      if (event.data.certificatesReceivedOn > current.certificatesDue)
        return `${event.data.applicationId} verified on certificates received ${event.data.certificatesReceivedOn}, after the due date ${current.certificatesDue}`;
      return undefined;
    }
    case 'certificates-late':
      if (current?.applicationId !== event.data.applicationId || current.outcome !== 'verification') return `${event.data.applicationId} late with certificates while not being verified`;
      if (event.data.on <= current.certificatesDue) return `${event.data.applicationId} counted late on ${event.data.on}, but certificates were due by ${current.certificatesDue}`;
      return undefined;
    case 'proposal-approved':
    case 'proposal-rejected':
      if (current?.proposalId !== event.data.proposalId || current.outcome !== 'proposal') return `decision on ${event.data.proposalId}, which was not the open proposal`;
      return undefined;
    case 'backed-out': {
      const invitation = state.invitations[event.data.applicationId];
      const candidate = state.candidates[event.data.applicationId];
      if (invitation?.answer !== 'interested') return `${event.data.applicationId} backed out without having said yes`;
      if (candidate && !['verification', 'verified', 'proposal', 'approved'].includes(candidate.outcome))
        return `${event.data.applicationId} backed out after already being out (${candidate.outcome})`;
      return undefined;
    }
    case 'contract-signed': {
      if (current?.proposalId !== event.data.proposalId || current.outcome !== 'approved') return `contract signed on ${event.data.proposalId}, which was not the approved proposal`;
      const ranked = context.ranking.find((r) => r.applicationId === event.data.applicationId);
      const queueDays = context.method === 'queue-days' ? (ranked?.queueDays ?? null) : null;
      const facts = event.data.let;
      if (facts.tenantQueueDays !== queueDays) return `tenant queue days ${facts.tenantQueueDays}, the ranking gives ${queueDays}`;
      if (facts.usesQueueTime !== usesQueueTime(context.flat)) return `usesQueueTime ${facts.usesQueueTime} on a ${context.flat.listingType} listing`;
      if (facts.applications !== context.applications) return `${facts.applications} applications, the ranking has ${context.applications}`;
      if (facts.landlordId !== context.landlordId) return `landlord ${facts.landlordId}, the listing's is ${context.landlordId}`;
      return undefined;
    }
    case 'letting-cancelled':
      return state.status === 'let' ? undefined : 'letting cancelled before it was let';
    default:
      return undefined;
  }
}

/**
 * Re-derives the allocation of one listing from its events alone: who should
 * have been invited, asked for certificates and proposed next, given the
 * answers, verification outcomes, rejections and withdrawals recorded, and
 * compares it with what was recorded. Returns the differences; empty when the
 * log agrees with the rules.
 */
export function auditAllocation(listingEvents: readonly AnyEvent[], lettingEvents: readonly AnyEvent[]): string[] {
  const published = (listingEvents as readonly ListingEvent[]).find((e) => e.type === 'listing-published');
  const context = published ? lettingContext(published.data.listingId, listingEvents) : undefined;
  if (!context) return lettingEvents.length > 0 ? ['letting events recorded for a listing that was never published'] : [];
  if (lettingEvents.length > 0 && context.ranking.length === 0 && !listingEvents.some((e) => e.type === 'applications-ranked')) {
    return ['letting events recorded before the listing was ranked'];
  }

  const differences: string[] = [];
  let state = initialLettingState;
  let owed: LettingEvent[] = [];
  lettingEvents.forEach((raw, index) => {
    const event = raw as unknown as LettingEvent;
    if (DERIVED_EVENTS.includes(event.type)) {
      const derived = owed.shift();
      if (!derived) differences.push(`${label(raw, index)}: ${describe(event)} was recorded, but the rules derive nothing at that point`);
      else if (!sameDecision(event, derived)) differences.push(`${label(raw, index)}: recorded ${describe(event)}, the rules derive ${describe(derived)}`);
      state = evolve(state, event);
      return;
    }
    if (owed.length > 0) {
      differences.push(`${label(raw, index)}: ${owed.map(describe).join(', ')} should have been recorded before it`);
      owed = [];
    }
    const problem = factProblem(event, state, context);
    if (problem) differences.push(`${label(raw, index)}: ${problem}`);
    state = evolve(state, event);
    owed = derivedAfter(event, state, context);
  });
  if (owed.length > 0) differences.push(`after the last letting event: ${owed.map(describe).join(', ')} should have been recorded`);

  const listingLet = (listingEvents as readonly ListingEvent[]).find((e) => e.type === 'listing-let');
  const tenant = state.tenant;
  if (tenant && !listingLet) differences.push(`the contract was signed with ${tenant.applicationId} but the listing is not marked let`);
  if (
    listingLet &&
    (!tenant || listingLet.data.applicationId !== tenant.applicationId || listingLet.data.tenantApplicantId !== tenant.applicantId || listingLet.data.contractDate !== tenant.contractDate)
  ) {
    differences.push(
      `the listing is marked let to ${listingLet.data.applicationId} on ${listingLet.data.contractDate}, the letting signed ${tenant ? `${tenant.applicationId} on ${tenant.contractDate}` : 'no contract'}`,
    );
  }
  return differences;
}

/**
 * For the replay audit over the whole log: keeps the `listing-` and `letting-`
 * streams (not the seekers'), then audits every listing that has a letting.
 * Feed it every event in log order; memory grows with listings, not seekers.
 */
export class LettingAuditCollector {
  private readonly listings = new Map<string, AnyEvent[]>();
  private readonly lettings = new Map<string, AnyEvent[]>();

  add(event: AnyEvent & { readonly streamId: string }): void {
    const target = event.streamId.startsWith(LETTING_STREAM_PREFIX)
      ? this.streamOf(this.lettings, event.streamId.slice(LETTING_STREAM_PREFIX.length))
      : isListingStream(event.streamId)
        ? this.streamOf(this.listings, event.streamId.slice('listing-'.length))
        : undefined;
    target?.push(event);
  }

  /** Lettings audited, and every difference found, by listing. */
  differences(): { readonly lettings: number; readonly differences: ReadonlyArray<{ readonly listingId: string; readonly what: string }> } {
    const differences = [...this.lettings].flatMap(([listingId, letting]) => auditAllocation(this.listings.get(listingId) ?? [], letting).map((what) => ({ listingId, what })));
    return { lettings: this.lettings.size, differences };
  }

  private streamOf(streams: Map<string, AnyEvent[]>, id: string): AnyEvent[] {
    let events = streams.get(id);
    if (!events) streams.set(id, (events = []));
    return events;
  }
}
