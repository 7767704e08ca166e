import type { ListingType } from '@bostadsko/contracts';
import type { Sealed } from '@bostadsko/personal-data/sealed';
import type { IsoDate } from '@bostadsko/calendar';

/**
 * Events of the `letting-<listingId>` stream: from the ranking to a signed
 * contract (3.2.1). Events that the rules derive from others
 * (`verification-requested`, `tenant-proposed`, `candidates-exhausted`) are
 * appended in the same write as the fact that caused them, and the allocation
 * audit re-derives them from the log.
 */

export const lettingStream = (listingId: string) => `letting-${listingId}`;
export const LETTING_STREAM_PREFIX = 'letting-';

export interface ShowingSlot {
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface Invited {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly place: number;
  /** Index into the showing's slots. */
  readonly slot: number;
}

/** A ranked applicant passed over because the application was no longer active when the showing was scheduled. */
export interface Skipped {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly place: number;
  readonly reason: string;
}

export type RequirementCode = 'income' | 'household' | 'age' | 'payment-remarks';

/** One requirement of the listing checked against certificates: the rule is listing data, the person's figures stay sealed. */
export interface RequirementCheck {
  readonly requirement: RequirementCode;
  readonly rule: string;
  readonly passed: boolean;
}

/** What the certificates show, sealed under the applicant's key in the event. */
export interface VerifiedFacts {
  readonly householdSize: number;
  /** SEK per year. */
  readonly taxableIncome: number;
  /** SEK per year; counts ×1.5 against the income requirement. */
  readonly nonTaxableIncome: number;
  readonly birthDate: IsoDate;
  readonly hasPaymentRemarks: boolean;
}

/** What ListingLetV1 needs, copied from the listing when the contract is signed so the event alone explains the letting. */
export interface LetFacts {
  readonly landlordId: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  readonly monthlyRent: number;
  readonly listingType: ListingType;
  readonly publishedOn: IsoDate;
  readonly tenantQueueDays: number | null;
  readonly applications: number;
  readonly usesQueueTime: boolean;
}

export type CandidateStage = 'verification' | 'proposal' | 'approved';

export type LettingEvent =
  | {
      readonly type: 'showing-scheduled';
      readonly data: {
        readonly showingId: string;
        readonly slots: readonly ShowingSlot[];
        readonly answerBy: IsoDate;
        /** The policy's N in force when scheduled: how many were to be invited. */
        readonly invitations: number;
        readonly invited: readonly Invited[];
        readonly skipped: readonly Skipped[];
        readonly scheduledAt: string;
        readonly scheduledBy: string;
      };
    }
  | { readonly type: 'interest-answered'; readonly data: { readonly applicationId: string; readonly applicantId: string; readonly interested: boolean; readonly answeredAt: string } }
  | { readonly type: 'invitation-expired'; readonly data: { readonly applicationId: string; readonly applicantId: string; readonly answerBy: IsoDate; readonly on: IsoDate } }
  | {
      /** The application ended outside the letting (withdrawn by the seeker, deregistered, let elsewhere): no penalty. */
      readonly type: 'participant-withdrawn';
      readonly data: { readonly applicationId: string; readonly applicantId: string; readonly reason: string; readonly on: IsoDate };
    }
  | {
      readonly type: 'verification-requested';
      readonly data: { readonly applicationId: string; readonly applicantId: string; readonly place: number; readonly certificatesDue: IsoDate; readonly requestedAt: string };
    }
  | {
      readonly type: 'applicant-verified';
      readonly data: {
        readonly applicationId: string;
        readonly applicantId: string;
        readonly checks: readonly RequirementCheck[];
        readonly facts: Sealed;
        readonly certificatesReceivedOn: IsoDate;
        readonly verifiedAt: string;
        readonly verifiedBy: string;
      };
    }
  | {
      readonly type: 'verification-failed';
      readonly data: {
        readonly applicationId: string;
        readonly applicantId: string;
        readonly checks: readonly RequirementCheck[];
        readonly failed: readonly RequirementCode[];
        readonly facts: Sealed;
        readonly certificatesReceivedOn: IsoDate;
        readonly verifiedAt: string;
        readonly verifiedBy: string;
      };
    }
  | {
      /** Certificates not in by the due date: a withdrawal (avhopp, late-certificates). */
      readonly type: 'certificates-late';
      readonly data: { readonly applicationId: string; readonly applicantId: string; readonly certificatesDue: IsoDate; readonly on: IsoDate };
    }
  | {
      readonly type: 'tenant-proposed';
      readonly data: {
        readonly proposalId: string;
        readonly applicationId: string;
        readonly applicantId: string;
        readonly landlordId: string;
        readonly place: number;
        /** The verified facts, sealed as in `applicant-verified`: the landlord is shown the household size from them (TenantProposedV1). */
        readonly facts: Sealed;
        readonly requirementsVerified: boolean;
        readonly proposedAt: string;
      };
    }
  | {
      readonly type: 'proposal-approved';
      readonly data: {
        readonly proposalId: string;
        readonly applicationId: string;
        readonly applicantId: string;
        readonly landlordId: string;
        readonly approvedAt: string;
        readonly approvedBy: string;
      };
    }
  | {
      readonly type: 'proposal-rejected';
      readonly data: {
        readonly proposalId: string;
        readonly applicationId: string;
        readonly applicantId: string;
        readonly landlordId: string;
        readonly reason: string;
        readonly rejectedAt: string;
        readonly rejectedBy: string;
      };
    }
  | {
      /** Backing out after saying yes: a withdrawal (avhopp, backed-out-after-yes). */
      readonly type: 'backed-out';
      readonly data: { readonly applicationId: string; readonly applicantId: string; readonly stage: CandidateStage | 'interested'; readonly on: IsoDate; readonly at: string };
    }
  | { readonly type: 'candidates-exhausted'; readonly data: { readonly on: IsoDate } }
  | {
      readonly type: 'contract-signed';
      readonly data: {
        readonly proposalId: string;
        readonly applicationId: string;
        readonly applicantId: string;
        readonly contractDate: IsoDate;
        readonly signedAt: string;
        readonly signedBy: string;
        readonly let: LetFacts;
      };
    }
  | {
      /** The landlord did not complete the letting: the tenant's queue time is restored (LettingCancelledV1). */
      readonly type: 'letting-cancelled';
      readonly data: { readonly applicationId: string; readonly applicantId: string; readonly on: IsoDate; readonly reason: string; readonly cancelledAt: string; readonly cancelledBy: string };
    };

export type LettingEventType = LettingEvent['type'];

/** Written by the rules as a consequence of another event, never by a person: what the audit re-derives. */
export const DERIVED_EVENTS: readonly LettingEventType[] = ['verification-requested', 'tenant-proposed', 'candidates-exhausted'];
