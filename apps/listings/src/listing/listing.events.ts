import type { ListingType, StandardRequirements } from '@bostadsko/contracts';
import type { Sealed } from '@bostadsko/personal-data/sealed';

/**
 * The listings app's own event vocabulary, shared by the listing lifecycle
 * (publish, apply, rank) and the letting process (showings, offers, let).
 *
 * Streams:
 * - `listing-<listingId>`: one listing from publication to its end (ListingEvent).
 * - `listing-seeker-<applicantId>`: one seeker's applications and withdrawals
 *   (SeekerEvent); the cap on active applications and the avhopp block are
 *   decided on this stream, so concurrent applies by one seeker conflict.
 * - `letting-<listingId>`: showings, interest, verification, proposals and the
 *   letting of one listing after it was ranked (owned by the letting process).
 */

export type IsoDate = string;
export type Requirements = StandardRequirements;

export interface FlatDetails {
  readonly address: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  readonly monthlyRent: number;
  readonly floor: number;
  readonly lift: boolean;
  readonly moveInDate: IsoDate;
  readonly listingType: ListingType;
}

export interface RankedApplicant {
  /** 1-based. */
  readonly place: number;
  readonly applicationId: string;
  readonly applicantId: string;
  /** Queue days at the application deadline; null where queue time does not rank (first-come, lottery). */
  readonly queueDays: number | null;
  readonly queueStartDate: IsoDate | null;
  readonly appliedAt: string;
}

export const listingStream = (listingId: string) => `listing-${listingId}`;
export const seekerStream = (applicantId: string) => `listing-seeker-${applicantId}`;
export const SEEKER_STREAM_PREFIX = 'listing-seeker-';
/** `listing-<id>` but not `listing-seeker-<id>`, which shares the prefix. */
export const isListingStream = (streamId: string) => streamId.startsWith('listing-') && !streamId.startsWith(SEEKER_STREAM_PREFIX);

export interface ExcludedApplicant {
  readonly applicationId: string;
  readonly applicantId: string;
  /** Machine-readable requirement codes, e.g. 'income-below-multiple', 'household-too-large', 'not-in-queue'. */
  readonly reasons: readonly string[];
}

export type ListingEvent =
  | {
      readonly type: 'listing-published';
      readonly data: {
        readonly listingId: string;
        readonly landlordId: string;
        readonly publishedBy: string;
        readonly publishedAt: string;
        readonly publishedOn: IsoDate;
        readonly flat: FlatDetails;
        readonly requirements: Requirements;
        readonly applicationDeadline: IsoDate;
        /** Lottery only: SHA-256 of the seed, published up front; the seed itself is revealed when ranked. */
        readonly lotterySeedHash?: string;
      };
    }
  | {
      readonly type: 'applications-ranked';
      readonly data: {
        readonly rankedAt: string;
        readonly deadline: IsoDate;
        /** Carried so the relay can map the event alone (added by the listings engineer; always set by the decider). */
        readonly landlordId?: string;
        /** The listing policy in force at the deadline (caps, showing size, ...), for the explanation. */
        readonly policy: Readonly<Record<string, unknown>>;
        readonly method: 'queue-days' | 'application-time' | 'lottery';
        readonly lotterySeed?: string;
        readonly ranking: readonly RankedApplicant[];
        readonly excluded: readonly ExcludedApplicant[];
        readonly applications: number;
      };
    }
  | {
      readonly type: 'listing-withdrawn';
      readonly data: {
        readonly on: IsoDate;
        readonly reason: 'withdrawn-by-landlord' | 'agreement-terminated' | 'no-eligible-applicant';
        readonly by: string;
        /** Carried so the relay can map the event alone; always set by the listing decider. */
        readonly landlordId?: string;
      };
    }
  | {
      /** Set by the letting process when the flat is let; the listing is then closed for good. */
      readonly type: 'listing-let';
      readonly data: { readonly tenantApplicantId: string; readonly applicationId: string; readonly contractDate: IsoDate };
    };

/** What a seeker declared on an application, sealed with the seeker's key in the listings vault. */
export interface Declaration {
  readonly householdSize: number;
  /** SEK per year. */
  readonly taxableIncome: number;
  /** SEK per year; counts ×1.5 against the income requirement. */
  readonly nonTaxableIncome: number;
  readonly hasPaymentRemarks: boolean;
}

export type SeekerEvent =
  | {
      readonly type: 'application-submitted';
      readonly data: {
        readonly applicationId: string;
        readonly listingId: string;
        readonly submittedAt: string;
        readonly declaration: Sealed;
      };
    }
  | {
      readonly type: 'application-withdrawn';
      readonly data: {
        readonly applicationId: string;
        readonly listingId: string;
        readonly at: string;
        readonly reason: 'by-seeker' | 'let-to-seeker-elsewhere' | 'deregistered' | 'account-closed' | 'listing-ended' | 'declined' | 'avhopp';
      };
    }
  | {
      /** Backing out after yes, or late certificates (avhopp): two within the policy window block applying. */
      readonly type: 'avhopp-recorded';
      readonly data: { readonly listingId: string; readonly applicationId: string; readonly on: IsoDate; readonly kind: 'backed-out-after-yes' | 'late-certificates' };
    };
