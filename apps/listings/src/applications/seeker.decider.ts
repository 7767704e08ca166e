import type { Sealed } from '@bostadsko/personal-data/sealed';
import { addMonths, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import type { ListingPolicy } from '../policy/listing-policy.js';
import type { RequirementFailure } from '../listing/eligibility.js';
import { ListingRuleViolation } from '../listing/listing-rule-violation.js';
import type { SeekerEvent } from './seeker.events.js';

type WithdrawReason = Extract<SeekerEvent, { type: 'application-withdrawn' }>['data']['reason'];
type AvhoppKind = Extract<SeekerEvent, { type: 'avhopp-recorded' }>['data']['kind'];

export interface SeekerApplication {
  readonly applicationId: string;
  readonly listingId: string;
  readonly submittedAt: string;
  readonly status: 'active' | 'withdrawn';
  readonly withdrawnReason?: WithdrawReason;
}

export interface SeekerState {
  readonly applications: Readonly<Record<string, SeekerApplication>>;
  readonly avhopps: ReadonlyArray<{ readonly listingId: string; readonly applicationId: string; readonly on: IsoDate; readonly kind: AvhoppKind }>;
}

export const initialSeekerState: SeekerState = { applications: {}, avhopps: [] };

/** Everything besides the seeker's own stream that decides whether they may apply to a listing now. */
export interface ApplyCheck {
  readonly listingId: string;
  readonly now: Date;
  /** The listing's deadline, or null when it does not take applications (withdrawn, ranked, let, unknown). */
  readonly listingDeadline: IsoDate | null;
  /** The seeker's standing today, from the applicants app's integration events. */
  readonly standing: 'active' | 'deregistered' | 'closed' | 'unknown';
  readonly failures: readonly RequirementFailure[];
  readonly policy: ListingPolicy;
}

/** A reason the rules refuse an apply: the code names the rule, the message is shown to the seeker. */
export interface ApplyRefusal {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type SeekerCommand =
  | ({ readonly type: 'apply'; readonly applicationId: string; readonly declaration: Sealed } & ApplyCheck)
  | { readonly type: 'withdraw'; readonly applicationId: string; readonly now: Date; readonly reason: WithdrawReason; readonly listingDeadline?: IsoDate | null }
  | { readonly type: 'withdraw-all'; readonly now: Date; readonly reason: WithdrawReason; readonly exceptApplicationId?: string }
  | { readonly type: 'withdraw-for-listing'; readonly listingId: string; readonly now: Date; readonly reason: WithdrawReason }
  /** `policy`: the avhopp rules on the avhopp's day, for the end of any block it brings (told to the seeker). */
  | { readonly type: 'record-avhopp'; readonly listingId: string; readonly applicationId: string; readonly on: IsoDate; readonly kind: AvhoppKind; readonly policy: ListingPolicy };

const activeApplications = (state: SeekerState) => Object.values(state.applications).filter((a) => a.status === 'active');

/**
 * The date until which the seeker may not apply, or null. Blocked when `limit`
 * avhopps fall within `window` months of each other; the block runs `block`
 * months from the avhopp that reached the limit.
 */
export function blockedUntil(state: SeekerState, policy: ListingPolicy, today: IsoDate): IsoDate | null {
  const dates = state.avhopps.map((a) => a.on).sort();
  let until: IsoDate | null = null;
  for (let i = policy.avhoppLimit - 1; i < dates.length; i++) {
    const first = dates[i - (policy.avhoppLimit - 1)];
    if (addMonths(first, policy.avhoppWindowMonths) > dates[i]) {
      const end = addMonths(dates[i], policy.avhoppBlockMonths);
      if (end > today && (until === null || end > until)) until = end;
    }
  }
  return until;
}

const withdrawn = (application: SeekerApplication, now: Date, reason: WithdrawReason): SeekerEvent => ({
  type: 'application-withdrawn',
  data: { applicationId: application.applicationId, listingId: application.listingId, at: now.toISOString(), reason },
});

/** Deregistered, closed (or not yet known) accounts cannot apply. */
function queueRefusal(standing: ApplyCheck['standing']): ApplyRefusal | null {
  if (standing === 'active') return null;
  return { code: 'not-in-queue', message: standing === 'unknown' ? 'Your account is not yet known to the listings service' : `Your account is ${standing}: only seekers in the queue can apply` };
}

/** The intake refuses these before sealing the declaration, since a closed account's key is erased. */
export function assertInQueue(standing: ApplyCheck['standing']): void {
  const refusal = queueRefusal(standing);
  if (refusal) throw new ListingRuleViolation(refusal.code, refusal.message);
}

/**
 * Every reason the rules refuse this apply, in the order an apply is refused
 * (it is refused for the first): so "may I apply?" and applying cannot disagree.
 */
export function applyRefusals(check: ApplyCheck, state: SeekerState): ApplyRefusal[] {
  const today = stockholmDate(check.now);
  const refusals: ApplyRefusal[] = [];
  const notInQueue = queueRefusal(check.standing);
  if (notInQueue) refusals.push(notInQueue);
  if (check.listingDeadline === null) refusals.push({ code: 'listing-closed', message: 'This listing does not take applications' });
  else if (today > check.listingDeadline) refusals.push({ code: 'listing-closed', message: `The application deadline ${check.listingDeadline} has passed` });
  const active = activeApplications(state);
  if (active.some((a) => a.listingId === check.listingId)) refusals.push({ code: 'already-applied', message: 'You have already applied for this listing' });
  const blocked = blockedUntil(state, check.policy, today);
  if (blocked !== null) {
    refusals.push({
      code: 'blocked-after-avhopp',
      message: `After ${check.policy.avhoppLimit} withdrawals within ${check.policy.avhoppWindowMonths} months you cannot apply until ${blocked}`,
      details: { blockedUntil: blocked },
    });
  }
  if (active.length >= check.policy.maxActiveApplications) {
    refusals.push({
      code: 'too-many-applications',
      message: `You already have ${active.length} active applications, the most allowed at once; withdraw one to apply`,
      details: { limit: check.policy.maxActiveApplications },
    });
  }
  if (check.failures.length > 0) refusals.push({ code: 'not-eligible', message: check.failures.map((f) => f.message).join('; '), details: { failedRequirements: check.failures } });
  return refusals;
}

export function decideSeeker(command: SeekerCommand, state: SeekerState): SeekerEvent[] {
  switch (command.type) {
    case 'apply': {
      if (state.applications[command.applicationId]) return [];
      const [refusal] = applyRefusals(command, state);
      if (refusal) throw new ListingRuleViolation(refusal.code, refusal.message, refusal.details);
      return [
        { type: 'application-submitted', data: { applicationId: command.applicationId, listingId: command.listingId, submittedAt: command.now.toISOString(), declaration: command.declaration } },
      ];
    }
    case 'withdraw': {
      const application = state.applications[command.applicationId];
      if (!application) throw new ListingRuleViolation('no-such-application', 'No such application');
      if (application.status === 'withdrawn') return [];
      if (command.reason === 'by-seeker' && command.listingDeadline !== undefined && (command.listingDeadline === null || stockholmDate(command.now) > command.listingDeadline)) {
        throw new ListingRuleViolation('deadline-passed', 'After the deadline an application is ended by answering the showing or offer, not withdrawn');
      }
      return [withdrawn(application, command.now, command.reason)];
    }
    case 'withdraw-all':
      return activeApplications(state)
        .filter((a) => a.applicationId !== command.exceptApplicationId)
        .map((a) => withdrawn(a, command.now, command.reason));
    case 'withdraw-for-listing':
      return activeApplications(state)
        .filter((a) => a.listingId === command.listingId)
        .map((a) => withdrawn(a, command.now, command.reason));
    case 'record-avhopp': {
      if (state.avhopps.some((a) => a.applicationId === command.applicationId)) return [];
      const { listingId, applicationId, on, kind } = command;
      const after: SeekerState = { ...state, avhopps: [...state.avhopps, { listingId, applicationId, on, kind }] };
      return [{ type: 'avhopp-recorded', data: { listingId, applicationId, on, kind, blockedUntil: blockedUntil(after, command.policy, on) } }];
    }
  }
}

export function evolveSeeker(state: SeekerState, event: SeekerEvent): SeekerState {
  switch (event.type) {
    case 'application-submitted': {
      const { applicationId, listingId, submittedAt } = event.data;
      return { ...state, applications: { ...state.applications, [applicationId]: { applicationId, listingId, submittedAt, status: 'active' } } };
    }
    case 'application-withdrawn': {
      const application = state.applications[event.data.applicationId];
      if (!application) return state;
      return { ...state, applications: { ...state.applications, [application.applicationId]: { ...application, status: 'withdrawn', withdrawnReason: event.data.reason } } };
    }
    case 'avhopp-recorded':
      return { ...state, avhopps: [...state.avhopps, event.data] };
  }
}
