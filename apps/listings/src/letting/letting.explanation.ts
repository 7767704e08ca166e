import type { RecordedEvent } from '@bostadsko/event-store';
import type { LettingContext } from './letting.context.js';
import { nextCandidate, type CandidateState, type InvitationState, type LettingState } from './letting.decider.js';
import type { LettingEvent, RequirementCheck } from './letting.events.js';

/** One line of the record: what happened, when, decided by whom (a user id or the rules). */
export interface ExplainedStep {
  readonly revision: string;
  readonly at: string;
  readonly type: string;
  readonly by: string;
  readonly explanation: string;
  readonly data: unknown;
}

/** Where the letting stands and who acts next, in words. */
export function stage(state: LettingState, context: LettingContext): string {
  if (context.status === 'withdrawn') return 'The listing was withdrawn';
  if (state.status === 'let') return `Let: contract dated ${state.tenant?.contractDate}`;
  if (state.status === 'cancelled') return 'The landlord did not complete the letting: it was cancelled';
  if (state.status === 'exhausted') return 'No one is left to offer the flat to';
  if (context.status === 'open') return 'Taking applications until the deadline';
  if (state.showings.length === 0) return 'Ranked: waiting for a showing to be scheduled';
  const current = state.current === undefined ? undefined : state.candidates[state.current];
  if (current?.outcome === 'verification') return `Verifying the applicant at place ${current.place}: certificates due by ${current.certificatesDue}`;
  if (current?.outcome === 'proposal') return `Proposed to the landlord: the applicant at place ${current.place}, awaiting the landlord's decision`;
  if (current?.outcome === 'approved') return `Approved by the landlord: the applicant at place ${current.place}, awaiting the signed contract`;
  if (nextCandidate(state) === 'wait') return 'Waiting for invited applicants to answer whether they are still interested';
  return 'No invited applicant is left: the next showing invites the next in the ranking';
}

function explain(event: LettingEvent): string {
  switch (event.type) {
    case 'showing-scheduled':
      return (
        `Showing in ${event.data.slots.length} slot(s); the ${event.data.invited.length} best-placed applicants not yet invited were invited (policy: ${event.data.invitations}), answers due by ${event.data.answerBy}` +
        (event.data.skipped.length > 0 ? `; ${event.data.skipped.length} passed over because their application had ended` : '')
      );
    case 'interest-answered':
      return event.data.interested ? 'Answered: still interested' : 'Answered: not interested (declining has no penalty)';
    case 'invitation-expired':
      return `No answer by ${event.data.answerBy}: counts as no`;
    case 'participant-withdrawn':
      return `The application ended outside the letting (${event.data.reason}): no penalty`;
    case 'verification-requested':
      return `The best-placed interested applicant (place ${event.data.place}) with no one better placed still to answer: asked for certificates by ${event.data.certificatesDue}`;
    case 'applicant-verified':
      return `Certificates verified: ${checksText(event.data.checks)}`;
    case 'verification-failed':
      return `Certificates did not meet the listing's requirements: ${checksText(event.data.checks)}; the next in line is asked`;
    case 'certificates-late':
      return `Certificates not in by ${event.data.certificatesDue}: a withdrawal (avhopp); the next in line is asked`;
    case 'tenant-proposed':
      return `Proposed to the landlord (place ${event.data.place}, requirements verified)`;
    case 'proposal-approved':
      return 'The landlord approved the proposed tenant';
    case 'proposal-rejected':
      return `The landlord rejected the proposal: ${event.data.reason}; the next in line is asked`;
    case 'backed-out':
      return `Backed out after saying yes (at the ${event.data.stage} stage): a withdrawal (avhopp)`;
    case 'candidates-exhausted':
      return 'Everyone in the ranking has been invited and no one is left: the listing ends';
    case 'contract-signed':
      return (
        `Contract signed, dated ${event.data.contractDate}: the flat is let` +
        (event.data.let.usesQueueTime ? ' and the queue time is used up' : '; a ' + event.data.let.listingType + ' letting keeps the queue time')
      );
    case 'letting-cancelled':
      return `The landlord did not complete the letting (${event.data.reason}): the tenant's queue time is restored`;
  }
}

const checksText = (checks: readonly RequirementCheck[]) => (checks.length === 0 ? 'the listing has no requirements' : checks.map((c) => `${c.rule}: ${c.passed ? 'met' : 'not met'}`).join('; '));

/** Staff see the whole record, with applicant ids: who was invited, who answered what, every verification and decision. */
export function staffExplanation(context: LettingContext, state: LettingState, events: readonly RecordedEvent[]) {
  return {
    listingId: context.listingId,
    status: state.status,
    stage: stage(state, context),
    rankingSize: context.ranking.length,
    steps: events.map((e): ExplainedStep => ({
      revision: e.revision.toString(),
      at: e.recordedAt.toISOString(),
      type: e.type,
      by: e.metadata.actor ?? 'unknown',
      explanation: explain(e as unknown as LettingEvent),
      data: withoutSealed(e.data),
    })),
  };
}

function withoutSealed(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('facts' in data)) return data;
  const { facts: _sealed, ...rest } = data as Record<string, unknown>;
  return rest;
}

interface Proposal {
  readonly proposalId: string;
  readonly place: number;
  /** Null once the applicant's personal data has been erased. */
  readonly householdSize: number | null;
  readonly checks: readonly RequirementCheck[];
  readonly proposedAt: string;
  readonly status: 'awaiting-decision' | 'approved' | 'rejected' | 'backed-out' | 'withdrawn' | 'tenant';
  readonly reason?: string;
}

/**
 * The proposals made to the landlord, with what it needs to decide: place,
 * household size (opened from the sealed facts, see proposedHouseholds), the
 * requirement checks. No other applicants.
 */
export function proposalsOf(state: LettingState, events: readonly RecordedEvent[], households: ReadonlyMap<string, number | null>): Proposal[] {
  const domain = events.map((e) => e as unknown as LettingEvent);
  return domain.flatMap((e) => {
    if (e.type !== 'tenant-proposed') return [];
    const verified = domain.find((v) => v.type === 'applicant-verified' && v.data.applicationId === e.data.applicationId);
    const rejected = domain.find((r) => r.type === 'proposal-rejected' && r.data.proposalId === e.data.proposalId);
    const candidate = state.candidates[e.data.applicationId] as CandidateState | undefined;
    const status: Proposal['status'] =
      candidate?.outcome === 'proposal'
        ? 'awaiting-decision'
        : candidate?.outcome === 'approved'
          ? 'approved'
          : candidate?.outcome === 'tenant'
            ? 'tenant'
            : candidate?.outcome === 'backed-out'
              ? 'backed-out'
              : candidate?.outcome === 'withdrawn'
                ? 'withdrawn'
                : 'rejected';
    return [
      {
        proposalId: e.data.proposalId,
        place: e.data.place,
        householdSize: households.get(e.data.proposalId) ?? null,
        checks: verified?.type === 'applicant-verified' ? verified.data.checks : [],
        proposedAt: e.data.proposedAt,
        status,
        ...(rejected?.type === 'proposal-rejected' && { reason: rejected.data.reason }),
      },
    ];
  });
}

/** The landlord's view: its showings (slots and how many invited), the proposals made to it, and where the letting stands. */
export function landlordExplanation(context: LettingContext, state: LettingState, events: readonly RecordedEvent[], households: ReadonlyMap<string, number | null>) {
  return {
    listingId: context.listingId,
    status: state.status,
    stage: stage(state, context),
    showings: state.showings.map((s) => ({
      showingId: s.showingId,
      slots: s.slots.map((slot, i) => ({ ...slot, invited: s.invited.filter((id) => state.invitations[id]?.slot === i).length })),
      answerBy: s.answerBy,
    })),
    proposals: proposalsOf(state, events, households),
  };
}

type OthersOutcome =
  | 'declined or did not answer'
  | 'application ended'
  | 'did not meet the requirements'
  | 'certificates late'
  | 'not approved by the landlord'
  | 'backed out'
  | 'still to answer'
  | 'in progress'
  | 'got the flat';

function outcomeOf(invitation: InvitationState, candidate: CandidateState | undefined): OthersOutcome {
  if (candidate) {
    const byOutcome: Record<string, OthersOutcome> = {
      failed: 'did not meet the requirements',
      late: 'certificates late',
      rejected: 'not approved by the landlord',
      'backed-out': 'backed out',
      withdrawn: 'application ended',
      tenant: 'got the flat',
    };
    return byOutcome[candidate.outcome] ?? 'in progress';
  }
  if (invitation.answer === 'pending') return 'still to answer';
  if (invitation.answer === 'withdrawn') return 'application ended';
  if (invitation.answer === 'interested') return 'in progress';
  return 'declined or did not answer';
}

/**
 * A seeker's own letting: their place, invitation, answer and how far they
 * got, and how it went for those placed above them, counted by outcome only,
 * never naming or describing another seeker individually.
 */
export function seekerExplanation(context: LettingContext, state: LettingState, events: readonly RecordedEvent[], applicationId: string) {
  const ranked = context.ranking.find((r) => r.applicationId === applicationId);
  const invitation = state.invitations[applicationId];
  const candidate = state.candidates[applicationId];
  const own = events.map((e) => e as unknown as LettingEvent).filter((e) => 'applicationId' in e.data && e.data.applicationId === applicationId);
  const above: Partial<Record<OthersOutcome, number>> = {};
  const count = (outcome: OthersOutcome) => (above[outcome] = (above[outcome] ?? 0) + 1);
  for (const other of Object.values(state.invitations)) if (ranked && other.place < ranked.place) count(outcomeOf(other, state.candidates[other.applicationId]));
  for (const other of Object.values(state.skipped)) if (ranked && other.place < ranked.place) count('application ended');
  const showing = invitation && state.showings.find((s) => s.showingId === invitation.showingId);
  const ownCheck = own.find((e) => e.type === 'applicant-verified' || e.type === 'verification-failed');
  const rejection = own.find((e) => e.type === 'proposal-rejected');
  return {
    listingId: context.listingId,
    applicationId,
    place: ranked?.place ?? null,
    of: context.ranking.length,
    letting: stage(state, context),
    invitation: invitation ? { slot: showing?.slots[invitation.slot] ?? null, answerBy: invitation.answerBy, answer: invitation.answer, answeredAt: invitation.answeredAt ?? null } : null,
    outcome: candidate?.outcome ?? (invitation ? invitation.answer : ranked ? 'not invited yet' : 'not ranked'),
    certificatesDue: candidate?.outcome === 'verification' ? candidate.certificatesDue : null,
    checks: ownCheck && (ownCheck.type === 'applicant-verified' || ownCheck.type === 'verification-failed') ? ownCheck.data.checks : null,
    landlordsReason: rejection?.type === 'proposal-rejected' ? rejection.data.reason : null,
    invitedAbove: above,
    steps: own.map((e) => ({ type: e.type, explanation: explain(e) })),
  };
}
