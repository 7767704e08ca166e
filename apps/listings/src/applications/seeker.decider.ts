import type { Sealed } from '../../../../libs/personal-data/src/sealed.js';
import { addMonths, stockholmDate, type IsoDate } from '../../../../libs/calendar/src/calendar.js';
import type { ListingPolicy } from '../policy/listing-policy.js';
import type { RequirementFailure } from '../listing/eligibility.js';
import { ListingRuleViolation } from '../listing/listing-rule-violation.js';
import type { SeekerEvent } from '../listing/listing.events.js';

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

export type SeekerCommand =
  | {
      readonly type: 'apply';
      readonly applicationId: string;
      readonly listingId: string;
      readonly now: Date;
      readonly declaration: Sealed;
      /** The listing's deadline, or null when it does not take applications (withdrawn, ranked, let, unknown). */
      readonly listingDeadline: IsoDate | null;
      /** The seeker's standing today, from the applicants app's integration events. */
      readonly standing: 'active' | 'deregistered' | 'closed' | 'unknown';
      readonly failures: readonly RequirementFailure[];
      readonly policy: ListingPolicy;
    }
  | { readonly type: 'withdraw'; readonly applicationId: string; readonly now: Date; readonly reason: WithdrawReason; readonly listingDeadline?: IsoDate | null }
  | { readonly type: 'withdraw-all'; readonly now: Date; readonly reason: WithdrawReason; readonly exceptApplicationId?: string }
  | { readonly type: 'withdraw-for-listing'; readonly listingId: string; readonly now: Date; readonly reason: WithdrawReason }
  | { readonly type: 'record-avhopp'; readonly listingId: string; readonly applicationId: string; readonly on: IsoDate; readonly kind: AvhoppKind };

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
export function assertInQueue(standing: 'active' | 'deregistered' | 'closed' | 'unknown'): void {
  if (standing === 'active') return;
  throw new ListingRuleViolation('not-in-queue', standing === 'unknown' ? 'Your account is not yet known to the listings service' : `Your account is ${standing}: only seekers in the queue can apply`);
}

export function decideSeeker(command: SeekerCommand, state: SeekerState): SeekerEvent[] {
  switch (command.type) {
    case 'apply': {
      const today = stockholmDate(command.now);
      if (state.applications[command.applicationId]) return [];
      assertInQueue(command.standing);
      if (command.listingDeadline === null) throw new ListingRuleViolation('listing-closed', 'This listing does not take applications');
      if (today > command.listingDeadline) throw new ListingRuleViolation('listing-closed', `The application deadline ${command.listingDeadline} has passed`);
      const active = activeApplications(state);
      if (active.some((a) => a.listingId === command.listingId)) throw new ListingRuleViolation('already-applied', 'You have already applied for this listing');
      const blocked = blockedUntil(state, command.policy, today);
      if (blocked !== null) {
        throw new ListingRuleViolation('blocked-after-avhopp', `After ${command.policy.avhoppLimit} withdrawals within ${command.policy.avhoppWindowMonths} months you cannot apply until ${blocked}`, {
          blockedUntil: blocked,
        });
      }
      if (active.length >= command.policy.maxActiveApplications) {
        throw new ListingRuleViolation('too-many-applications', `You already have ${active.length} active applications, the most allowed at once; withdraw one to apply`, {
          limit: command.policy.maxActiveApplications,
        });
      }
      if (command.failures.length > 0) {
        throw new ListingRuleViolation('not-eligible', command.failures.map((f) => f.message).join('; '), { failedRequirements: command.failures });
      }
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
    case 'record-avhopp':
      if (state.avhopps.some((a) => a.applicationId === command.applicationId)) return [];
      return [{ type: 'avhopp-recorded', data: { listingId: command.listingId, applicationId: command.applicationId, on: command.on, kind: command.kind } }];
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
