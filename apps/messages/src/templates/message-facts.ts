import type { MessageKind } from '../inbox/person-messages.events.js';

/** The flat a letting message is about, as the listings app published it; null when it had not arrived. */
export interface FlatFacts {
  readonly listingId: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  readonly monthlyRent: number;
}

/** A listing a saved-search alert names: the flat, its list type and when applications close. */
export interface AlertedListing extends FlatFacts {
  readonly listingType: string;
  readonly applicationDeadline: string;
}

/** What each kind of message says, sealed in the person's stream and rendered in their language. */
export interface FactsOf {
  readonly 'fee-notice-issued': { readonly year: number; readonly amount: number; readonly dueDate: string; readonly lastPayDay: string; readonly reference: string };
  readonly 'application-received': { readonly flat: FlatFacts | null; readonly listingId: string; readonly submittedOn: string };
  readonly 'place-at-close': { readonly flat: FlatFacts | null; readonly listingId: string; readonly place: number; readonly of: number; readonly closedOn: string };
  readonly 'showing-invitation': { readonly flat: FlatFacts | null; readonly listingId: string; readonly startsAt: string; readonly endsAt: string; readonly answerBy: string };
  readonly 'proposal-outcome': { readonly flat: FlatFacts | null; readonly listingId: string; readonly decision: 'approved' | 'rejected'; readonly reason: string | null };
  readonly 'letting-completed': { readonly flat: FlatFacts | null; readonly listingId: string; readonly contractDate: string };
  /** One listing at once, or the day's listings gathered at the digest time. */
  readonly 'saved-search-alert': { readonly listings: readonly AlertedListing[]; readonly daily: boolean };
  /** Before the due date; and in the grace period, with the last day before the queue time is lost. */
  readonly 'fee-reminder': FeeFacts;
  readonly 'fee-grace-reminder': FeeFacts;
  readonly 'showing-reply-reminder': { readonly flat: FlatFacts | null; readonly listingId: string; readonly answerBy: string };
  readonly deregistered: { readonly on: string };
  readonly 'deregistration-reversed': { readonly deregisteredOn: string; readonly queueStartDate: string };
  /** `blockedUntil`: the first day the seeker may apply again, null when it blocks nothing, absent when only v1 told it. */
  readonly 'avhopp-recorded': {
    readonly flat: FlatFacts | null;
    readonly listingId: string;
    readonly on: string;
    readonly kind: 'backed-out-after-yes' | 'late-certificates';
    readonly blockedUntil?: string | null;
  };
  /** Staff's answer in a thread: the subject of the message the thread began with, and the answer's words. */
  readonly 'thread-answer': { readonly about: string; readonly body: string };
  /** To a landlord's users: an applicant proposed for one of its listings, pseudonymous as the landlord sees them. */
  readonly 'proposal-waiting': {
    readonly flat: FlatFacts | null;
    readonly listingId: string;
    readonly place: number;
    readonly householdSize: number;
    readonly requirementsVerified: boolean;
  };
  /** To a landlord's administrators: the agreement is active, suspended or terminated from a date. */
  readonly 'agreement-changed': { readonly status: 'active' | 'suspended' | 'terminated'; readonly effectiveFrom: string; readonly reason: string };
  /** To whoever opened the case: a seeker's customer case, or a landlord user's case. */
  readonly 'case-answered': { readonly caseId: string; readonly subject: string; readonly answer: string; readonly answeredAt: string; readonly from: 'seeker' | 'landlord' };
}

type FeeFacts = FactsOf['fee-notice-issued'];

export type MessageContent = { [K in MessageKind]: { readonly kind: K; readonly facts: FactsOf[K] } }[MessageKind];
