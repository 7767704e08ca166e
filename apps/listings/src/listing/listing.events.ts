import type { ListingType, StandardRequirements } from '@bostadsko/contracts';
import { SEEKER_STREAM_PREFIX } from '../applications/seeker.events.js';

/**
 * The listing stream's events, `listing-<listingId>`: one listing from publication
 * to its end. A seeker's applications are on their own stream (applications/seeker.events.ts);
 * showings, offers and the letting on `letting-<listingId>` (letting/letting.events.ts).
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
