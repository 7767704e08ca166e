import { createHash } from 'node:crypto';
import type { Sealed } from '@bostadsko/personal-data/sealed';
import { RuleViolation } from '@bostadsko/errors';
import { addDays, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { usesQueueTime, type LettingContext } from './letting.context.js';
import { DERIVED_EVENTS, type CandidateStage, type Invited, type LettingEvent, type ShowingSlot, type Skipped, type VerifiedFacts } from './letting.events.js';
import type { LettingRules } from './letting.policy.js';
import { checkRequirements } from './verification.js';

export type Answer = 'pending' | 'interested' | 'declined' | 'expired' | 'withdrawn';

export interface InvitationState extends Invited {
  readonly showingId: string;
  readonly answerBy: IsoDate;
  readonly answer: Answer;
  readonly answeredAt?: string;
}

/** Where a chosen applicant got to: in progress (verification, verified, proposal, approved) or out. */
export type Outcome = CandidateStage | 'verified' | 'failed' | 'late' | 'rejected' | 'backed-out' | 'withdrawn' | 'tenant';

export interface CandidateState {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly place: number;
  readonly outcome: Outcome;
  readonly certificatesDue: IsoDate;
  readonly proposalId?: string;
}

export interface ShowingState {
  readonly showingId: string;
  readonly slots: readonly ShowingSlot[];
  readonly answerBy: IsoDate;
  readonly invited: readonly string[];
}

export interface LettingState {
  readonly status: 'open' | 'let' | 'cancelled' | 'exhausted';
  readonly showings: readonly ShowingState[];
  /** By application id. */
  readonly invitations: Readonly<Record<string, InvitationState>>;
  readonly skipped: Readonly<Record<string, Skipped>>;
  readonly candidates: Readonly<Record<string, CandidateState>>;
  /** The application being verified, proposed or approved: one at a time. */
  readonly current?: string;
  readonly tenant?: { readonly applicationId: string; readonly applicantId: string; readonly proposalId: string; readonly contractDate: IsoDate };
}

export const initialLettingState: LettingState = { status: 'open', showings: [], invitations: {}, skipped: {}, candidates: {} };

const IN_PROGRESS: readonly Outcome[] = ['verification', 'verified', 'proposal', 'approved'];

const STATUS_BY_CODE: Record<string, number> = {
  'not-invited': 404,
  'no-such-proposal': 404,
  'already-answered': 409,
  'letting-closed': 409,
  'not-being-verified': 409,
  'proposal-not-pending': 409,
  'not-approved': 409,
  'not-let': 409,
  'already-out': 409,
};

/** A command the letting rules refuse; the code names the rule and becomes the problem type. */
class LettingRuleViolation extends RuleViolation {
  constructor(code: string, message: string) {
    super('letting', STATUS_BY_CODE, code, message, { code });
  }
}

/** Application ids whose applications ended outside the letting, with the reason (from the seekers' streams). */
export type Withdrawn = Readonly<Record<string, string>>;

export type LettingCommand =
  | {
      readonly type: 'schedule-showing';
      readonly showingId: string;
      readonly slots: readonly ShowingSlot[];
      readonly answerBy: IsoDate;
      readonly withdrawn: Withdrawn;
      readonly now: Date;
      readonly by: string;
    }
  | { readonly type: 'answer-interest'; readonly applicationId: string; readonly applicantId: string; readonly interested: boolean; readonly now: Date }
  | { readonly type: 'back-out'; readonly applicationId: string; readonly applicantId: string; readonly now: Date }
  | { readonly type: 'advance'; readonly withdrawn: Withdrawn; readonly now: Date }
  | {
      readonly type: 'record-verification';
      readonly applicationId: string;
      readonly facts: VerifiedFacts;
      readonly sealed: Sealed;
      readonly certificatesReceivedOn: IsoDate;
      readonly now: Date;
      readonly by: string;
    }
  | { readonly type: 'decide-proposal'; readonly proposalId: string; readonly decision: 'approve' | 'reject'; readonly reason?: string; readonly now: Date; readonly by: string }
  | { readonly type: 'sign-contract'; readonly proposalId: string; readonly contractDate: IsoDate; readonly now: Date; readonly by: string }
  | { readonly type: 'cancel-letting'; readonly reason: string; readonly now: Date; readonly by: string };

/** The same proposal id on every replay: derived from the listing and the application, each proposed at most once. */
export function proposalIdFor(listingId: string, applicationId: string): string {
  const hex = createHash('sha256').update(`proposal:${listingId}:${applicationId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The next ranked applicants not yet invited or passed over, skipping withdrawn applications, up to `count` invited. */
export function nextInvitees(state: LettingState, context: LettingContext, count: number, withdrawn: Withdrawn, slots: number): { invited: Invited[]; skipped: Skipped[] } {
  const invited: Invited[] = [];
  const skipped: Skipped[] = [];
  for (const ranked of context.ranking) {
    if (invited.length >= count) break;
    if (ranked.applicationId in state.invitations || ranked.applicationId in state.skipped) continue;
    const reason = withdrawn[ranked.applicationId];
    if (reason !== undefined) skipped.push({ applicationId: ranked.applicationId, applicantId: ranked.applicantId, place: ranked.place, reason });
    else invited.push({ applicationId: ranked.applicationId, applicantId: ranked.applicantId, place: ranked.place, slot: invited.length % slots });
  }
  return { invited, skipped };
}

/**
 * Who is next: the best-placed invitee who said yes and has not been tried, once
 * everyone placed above them has answered (or is out). 'wait' while someone
 * better placed may still say yes.
 */
export function nextCandidate(state: LettingState): InvitationState | 'wait' | undefined {
  const byPlace = Object.values(state.invitations).sort((a, b) => a.place - b.place);
  for (const invitation of byPlace) {
    if (invitation.answer === 'pending') return 'wait';
    if (invitation.answer === 'interested' && !(invitation.applicationId in state.candidates)) return invitation;
  }
  return undefined;
}

/** What the rules do next on their own: ask the next candidate for certificates, or record that no one is left. */
export function allocate(state: LettingState, context: LettingContext, policy: Pick<LettingRules, 'certificateDays'>, now: Date): LettingEvent[] {
  if (state.status !== 'open' || state.current !== undefined || state.showings.length === 0) return [];
  const next = nextCandidate(state);
  if (next === 'wait') return [];
  const today = stockholmDate(now);
  if (next) {
    return [
      {
        type: 'verification-requested',
        data: { applicationId: next.applicationId, applicantId: next.applicantId, place: next.place, certificatesDue: addDays(today, policy.certificateDays), requestedAt: now.toISOString() },
      },
    ];
  }
  const everyoneSeen = context.ranking.every((r) => r.applicationId in state.invitations || r.applicationId in state.skipped);
  return everyoneSeen ? [{ type: 'candidates-exhausted', data: { on: today } }] : [];
}

function invitationOf(state: LettingState, applicationId: string, applicantId: string): InvitationState {
  const invitation = state.invitations[applicationId];
  if (!invitation || invitation.applicantId !== applicantId) throw new LettingRuleViolation('not-invited', 'This application has no showing invitation for this listing');
  return invitation;
}

function open(state: LettingState, context: LettingContext): void {
  if (state.status !== 'open' || context.status !== 'ranked') {
    throw new LettingRuleViolation('letting-closed', `The letting of this listing is ${state.status !== 'open' ? state.status : `over (the listing is ${context.status})`}`);
  }
}

function currentCandidate(state: LettingState): CandidateState | undefined {
  return state.current === undefined ? undefined : state.candidates[state.current];
}

/**
 * decide(command, state) -> events: the facts of the command, each followed at
 * once by whatever the allocation rules derive from it, so the log reads (and
 * the audit replays) one cause and its consequence at a time.
 */
export function decide(command: LettingCommand, state: LettingState, context: LettingContext, policy: LettingRules): LettingEvent[] {
  const out: LettingEvent[] = [];
  let current = state;
  for (const fact of decideFacts(command, state, context, policy)) {
    out.push(fact);
    current = evolve(current, fact);
    if (DERIVED_EVENTS.includes(fact.type)) continue;
    const derived = allocate(current, context, policy, command.now);
    out.push(...derived);
    current = derived.reduce(evolve, current);
  }
  return out;
}

function decideFacts(command: LettingCommand, state: LettingState, context: LettingContext, policy: LettingRules): LettingEvent[] {
  const today = stockholmDate(command.now);
  const at = command.now.toISOString();
  switch (command.type) {
    case 'schedule-showing': {
      if (context.status === 'open') throw new LettingRuleViolation('not-ranked', 'The listing has not been ranked yet: showings follow the application deadline');
      open(state, context);
      if (command.slots.length === 0) throw new LettingRuleViolation('no-slots', 'A showing needs at least one slot');
      for (const slot of command.slots) {
        if (!(Date.parse(slot.startsAt) < Date.parse(slot.endsAt))) throw new LettingRuleViolation('slot-order', 'Each slot must end after it starts');
        if (Date.parse(slot.startsAt) < command.now.getTime()) throw new LettingRuleViolation('slot-in-past', 'Showing slots cannot be in the past');
      }
      const lastDay = command.slots
        .map((s) => stockholmDate(new Date(s.endsAt)))
        .sort()
        .at(-1) as IsoDate;
      if (command.answerBy < lastDay) throw new LettingRuleViolation('answer-before-showing', `The interest answer deadline cannot be before the last showing (${lastDay})`);
      const size = context.showingInvitations ?? policy.showingInvitations;
      const { invited, skipped } = nextInvitees(state, context, size, command.withdrawn, command.slots.length);
      if (invited.length === 0) throw new LettingRuleViolation('no-one-left-to-invite', 'Every eligible applicant has already been invited or has withdrawn');
      return [
        {
          type: 'showing-scheduled',
          data: { showingId: command.showingId, slots: command.slots, answerBy: command.answerBy, invitations: size, invited, skipped, scheduledAt: at, scheduledBy: command.by },
        },
      ];
    }
    case 'answer-interest': {
      const invitation = invitationOf(state, command.applicationId, command.applicantId);
      open(state, context);
      // A no after no, or after the deadline made it one, changes nothing.
      const same = (invitation.answer === 'interested' && command.interested) || (['declined', 'expired'].includes(invitation.answer) && !command.interested);
      if (same) return [];
      if (invitation.answer === 'expired') throw new LettingRuleViolation('answer-too-late', `The answer was due by ${invitation.answerBy}; no answer counts as no`);
      if (invitation.answer === 'withdrawn') throw new LettingRuleViolation('already-out', 'The application was withdrawn');
      if (invitation.answer !== 'pending') {
        throw new LettingRuleViolation('already-answered', command.interested ? 'You have declined; the answer is final' : 'You said yes: backing out now is a withdrawal (avhopp), use back-out');
      }
      if (today > invitation.answerBy) throw new LettingRuleViolation('answer-too-late', `The answer was due by ${invitation.answerBy}; no answer counts as no`);
      return [{ type: 'interest-answered', data: { applicationId: command.applicationId, applicantId: command.applicantId, interested: command.interested, answeredAt: at } }];
    }
    case 'back-out': {
      const invitation = invitationOf(state, command.applicationId, command.applicantId);
      open(state, context);
      if (invitation.answer !== 'interested') throw new LettingRuleViolation('not-interested', 'Only a yes can be backed out of; declining has no penalty');
      const candidate = state.candidates[command.applicationId];
      if (candidate && !IN_PROGRESS.includes(candidate.outcome)) throw new LettingRuleViolation('already-out', `The application is already out of this letting (${candidate.outcome})`);
      const stage: CandidateStage | 'interested' = !candidate ? 'interested' : candidate.outcome === 'verified' ? 'verification' : (candidate.outcome as CandidateStage);
      return [{ type: 'backed-out', data: { applicationId: command.applicationId, applicantId: command.applicantId, stage, on: today, at } }];
    }
    case 'advance': {
      if (state.status !== 'open' || context.status !== 'ranked') return [];
      const events: LettingEvent[] = [];
      for (const invitation of Object.values(state.invitations).sort((a, b) => a.place - b.place)) {
        const reason = command.withdrawn[invitation.applicationId];
        const candidate = state.candidates[invitation.applicationId];
        const stillIn = invitation.answer === 'pending' || (invitation.answer === 'interested' && (!candidate || IN_PROGRESS.includes(candidate.outcome)));
        if (reason !== undefined && stillIn) {
          events.push({ type: 'participant-withdrawn', data: { applicationId: invitation.applicationId, applicantId: invitation.applicantId, reason, on: today } });
        } else if (invitation.answer === 'pending' && invitation.answerBy < today) {
          events.push({ type: 'invitation-expired', data: { applicationId: invitation.applicationId, applicantId: invitation.applicantId, answerBy: invitation.answerBy, on: today } });
        }
      }
      const current = currentCandidate(state);
      if (current && current.outcome === 'verification' && current.certificatesDue < today && command.withdrawn[current.applicationId] === undefined) {
        events.push({ type: 'certificates-late', data: { applicationId: current.applicationId, applicantId: current.applicantId, certificatesDue: current.certificatesDue, on: today } });
      }
      return events;
    }
    case 'record-verification': {
      open(state, context);
      const candidate = currentCandidate(state);
      if (!candidate || candidate.applicationId !== command.applicationId || candidate.outcome !== 'verification') {
        throw new LettingRuleViolation('not-being-verified', 'This application is not the one being verified');
      }
      if (command.certificatesReceivedOn > today) throw new LettingRuleViolation('received-in-future', 'Certificates cannot be received after today');
      const who = { applicationId: candidate.applicationId, applicantId: candidate.applicantId };
      if (command.certificatesReceivedOn > candidate.certificatesDue) {
        return [{ type: 'certificates-late', data: { ...who, certificatesDue: candidate.certificatesDue, on: command.certificatesReceivedOn } }];
      }
      const checks = checkRequirements(context.requirements, context.flat, command.facts, context.deadline ?? today, context.nonTaxableIncomeFactor);
      const failed = checks.filter((c) => !c.passed).map((c) => c.requirement);
      const recorded = { ...who, checks, facts: command.sealed, certificatesReceivedOn: command.certificatesReceivedOn, verifiedAt: at, verifiedBy: command.by };
      if (failed.length > 0) return [{ type: 'verification-failed', data: { ...recorded, failed } }];
      return [
        { type: 'applicant-verified', data: recorded },
        {
          type: 'tenant-proposed',
          data: {
            proposalId: proposalIdFor(context.listingId, candidate.applicationId),
            ...who,
            landlordId: context.landlordId,
            place: candidate.place,
            facts: command.sealed,
            requirementsVerified: true,
            proposedAt: at,
          },
        },
      ];
    }
    case 'decide-proposal': {
      const candidate = Object.values(state.candidates).find((c) => c.proposalId === command.proposalId);
      if (!candidate) throw new LettingRuleViolation('no-such-proposal', 'There is no such proposal for this listing');
      const already = command.decision === 'approve' ? ['approved', 'tenant'] : ['rejected'];
      if (already.includes(candidate.outcome)) return [];
      open(state, context);
      if (candidate.outcome !== 'proposal') throw new LettingRuleViolation('proposal-not-pending', `The proposal is no longer open for a decision (${candidate.outcome})`);
      const base = { proposalId: command.proposalId, applicationId: candidate.applicationId, applicantId: candidate.applicantId, landlordId: context.landlordId };
      if (command.decision === 'approve') return [{ type: 'proposal-approved', data: { ...base, approvedAt: at, approvedBy: command.by } }];
      const reason = command.reason?.trim() ?? '';
      if (reason.length === 0) throw new LettingRuleViolation('reason-required', 'A rejection needs a reason');
      return [{ type: 'proposal-rejected', data: { ...base, reason, rejectedAt: at, rejectedBy: command.by } }];
    }
    case 'sign-contract': {
      if (state.tenant?.proposalId === command.proposalId) return [];
      open(state, context);
      const candidate = currentCandidate(state);
      if (!candidate || candidate.proposalId !== command.proposalId) throw new LettingRuleViolation('no-such-proposal', 'This is not the open proposal of this listing');
      if (candidate.outcome !== 'approved') throw new LettingRuleViolation('not-approved', 'The landlord must approve the proposal before the contract is signed');
      if (command.contractDate < context.publishedOn) throw new LettingRuleViolation('contract-before-listing', 'The contract date cannot be before the listing was published');
      const ranked = context.ranking.find((r) => r.applicationId === candidate.applicationId);
      return [
        {
          type: 'contract-signed',
          data: {
            proposalId: command.proposalId,
            applicationId: candidate.applicationId,
            applicantId: candidate.applicantId,
            contractDate: command.contractDate,
            signedAt: at,
            signedBy: command.by,
            let: {
              landlordId: context.landlordId,
              municipality: context.flat.municipality,
              district: context.flat.district,
              rooms: context.flat.rooms,
              areaM2: context.flat.areaM2,
              monthlyRent: context.flat.monthlyRent,
              listingType: context.flat.listingType,
              publishedOn: context.publishedOn,
              tenantQueueDays: context.method === 'queue-days' ? (ranked?.queueDays ?? null) : null,
              applications: context.applications,
              usesQueueTime: usesQueueTime(context.flat),
            },
          },
        },
      ];
    }
    case 'cancel-letting': {
      if (state.status === 'cancelled') return [];
      if (state.status !== 'let' || !state.tenant) throw new LettingRuleViolation('not-let', 'Only a completed letting can be cancelled');
      const reason = command.reason.trim();
      if (reason.length === 0) throw new LettingRuleViolation('reason-required', 'A cancellation needs a reason');
      return [
        {
          type: 'letting-cancelled',
          data: { applicationId: state.tenant.applicationId, applicantId: state.tenant.applicantId, on: today, reason, cancelledAt: at, cancelledBy: command.by },
        },
      ];
    }
  }
}

function withCandidate(state: LettingState, applicationId: string, change: Partial<CandidateState>, stillCurrent: boolean): LettingState {
  const candidate = state.candidates[applicationId];
  if (!candidate) return state;
  return {
    ...state,
    candidates: { ...state.candidates, [applicationId]: { ...candidate, ...change } },
    current: stillCurrent ? applicationId : state.current === applicationId ? undefined : state.current,
  };
}

function withAnswer(state: LettingState, applicationId: string, answer: Answer, answeredAt?: string): LettingState {
  const invitation = state.invitations[applicationId];
  if (!invitation) return state;
  return { ...state, invitations: { ...state.invitations, [applicationId]: { ...invitation, answer, ...(answeredAt && { answeredAt }) } } };
}

/** Out whether or not they had been chosen yet; a pending invitation keeps no answer, a yes is kept for the explanation. */
function outOfTheRunning(state: LettingState, applicationId: string, applicantId: string, outcome: 'withdrawn' | 'backed-out', on: IsoDate): LettingState {
  const invitation = state.invitations[applicationId];
  const answered = invitation?.answer === 'pending' ? withAnswer(state, applicationId, 'withdrawn') : state;
  const candidates = answered.candidates[applicationId]
    ? answered.candidates
    : { ...answered.candidates, [applicationId]: { applicationId, applicantId, place: invitation?.place ?? 0, certificatesDue: on, outcome } };
  return withCandidate({ ...answered, candidates }, applicationId, { outcome }, false);
}

export function evolve(state: LettingState, event: { readonly type: string; readonly data: unknown }): LettingState {
  const e = event as LettingEvent;
  switch (e.type) {
    case 'showing-scheduled': {
      const { showingId, slots, answerBy, invited, skipped } = e.data;
      const invitations = { ...state.invitations };
      for (const i of invited) invitations[i.applicationId] = { ...i, showingId, answerBy, answer: 'pending' };
      const skippedById = { ...state.skipped };
      for (const s of skipped) skippedById[s.applicationId] = s;
      return { ...state, showings: [...state.showings, { showingId, slots, answerBy, invited: invited.map((i) => i.applicationId) }], invitations, skipped: skippedById };
    }
    case 'interest-answered':
      return withAnswer(state, e.data.applicationId, e.data.interested ? 'interested' : 'declined', e.data.answeredAt);
    case 'invitation-expired':
      return withAnswer(state, e.data.applicationId, 'expired');
    case 'participant-withdrawn':
      return outOfTheRunning(state, e.data.applicationId, e.data.applicantId, 'withdrawn', e.data.on);
    case 'verification-requested': {
      const { applicationId, applicantId, place, certificatesDue } = e.data;
      return { ...state, candidates: { ...state.candidates, [applicationId]: { applicationId, applicantId, place, certificatesDue, outcome: 'verification' } }, current: applicationId };
    }
    case 'applicant-verified':
      return withCandidate(state, e.data.applicationId, { outcome: 'verified' }, true);
    case 'verification-failed':
      return withCandidate(state, e.data.applicationId, { outcome: 'failed' }, false);
    case 'certificates-late':
      return withCandidate(state, e.data.applicationId, { outcome: 'late' }, false);
    case 'tenant-proposed':
      return withCandidate(state, e.data.applicationId, { outcome: 'proposal', proposalId: e.data.proposalId }, true);
    case 'proposal-approved':
      return withCandidate(state, e.data.applicationId, { outcome: 'approved' }, true);
    case 'proposal-rejected':
      return withCandidate(state, e.data.applicationId, { outcome: 'rejected' }, false);
    case 'backed-out':
      return outOfTheRunning(state, e.data.applicationId, e.data.applicantId, 'backed-out', e.data.on);
    case 'candidates-exhausted':
      return { ...state, status: 'exhausted' };
    case 'contract-signed': {
      const { applicationId, applicantId, proposalId, contractDate } = e.data;
      return { ...withCandidate(state, applicationId, { outcome: 'tenant' }, false), status: 'let', tenant: { applicationId, applicantId, proposalId, contractDate } };
    }
    case 'letting-cancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
}
