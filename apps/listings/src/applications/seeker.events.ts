import type { Sealed } from '@bostadsko/personal-data/sealed';
import type { IsoDate } from '../listing/listing.events.js';

/**
 * A seeker's stream in the listings app, `listing-seeker-<applicantId>`: their applications
 * and withdrawals. The cap on active applications and the avhopp block are decided here, so
 * concurrent applies by one seeker conflict.
 */
export const SEEKER_STREAM_PREFIX = 'listing-seeker-';
export const seekerStream = (applicantId: string) => `${SEEKER_STREAM_PREFIX}${applicantId}`;

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
      readonly data: {
        readonly listingId: string;
        readonly applicationId: string;
        readonly on: IsoDate;
        readonly kind: 'backed-out-after-yes' | 'late-certificates';
        /** The first day the seeker may apply again by the avhopp rules on its day, or null when it blocks nothing; absent on avhopps recorded before this was kept. */
        readonly blockedUntil?: IsoDate | null;
      };
    };
