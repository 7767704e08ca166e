import type { Sealed } from '@bostadsko/personal-data/sealed';
import type { IsoDate } from '@bostadsko/calendar';

/** Personnummer, name, contact data and the password hash: only ever stored sealed under the person's key. */
export interface PersonalDetails {
  readonly personnummer: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly address?: { readonly street: string; readonly postalCode: string; readonly city: string };
  readonly passwordHash?: string;
}

export type CaseChannel = 'web' | 'phone' | 'visit';

export type QueueChangeReason = 'contract-signed' | 'letting-cancelled' | 'staff-correction' | 'restored-after-agency-error' | 'transferred-from-co-applicant';

export type ApplicantEvent =
  | {
      readonly type: 'applicant-registered';
      readonly data: {
        readonly applicantId: string;
        readonly registeredAt: string;
        readonly queueStartDate: IsoDate;
        /** Kept for statistics (age groups) and eligibility; the full personnummer stays sealed. */
        readonly birthYear: number;
        readonly personal: Sealed;
      };
    }
  | {
      readonly type: 'queue-start-changed';
      readonly data: {
        readonly effectiveFrom: IsoDate;
        readonly queueStartDate: IsoDate;
        readonly previousQueueStartDate: IsoDate;
        readonly reason: QueueChangeReason;
        readonly listingId?: string;
        readonly caseId?: string;
        readonly sourceApplicantId?: string;
        readonly decidedBy: string;
        readonly explanation: string;
      };
    }
  | {
      readonly type: 'queue-time-transferred-out';
      readonly data: { readonly toApplicantId: string; readonly on: IsoDate; readonly caseId: string; readonly decidedBy: string; readonly explanation: string };
    }
  | {
      readonly type: 'applicant-deregistered';
      readonly data: {
        readonly on: IsoDate;
        readonly reason: 'annual-fee-unpaid';
        readonly noticeId: string;
        readonly dueDate: IsoDate;
        readonly graceDays: number;
        /** Absent before the settlement period existed, when day graceDays + 1 deregistered. */
        readonly settlementBankingDays?: number;
        readonly decidedBy: string;
      };
    }
  | {
      /**
       * A payment dated within the grace period arrived after the deregistration: it was wrong, so
       * it is undone from the day it took effect, with the queue start the account had before.
       */
      readonly type: 'deregistration-reversed';
      readonly data: {
        readonly deregisteredOn: IsoDate;
        readonly on: IsoDate;
        readonly noticeId: string;
        /** The value date of the payment that completed the fee. */
        readonly paidOn: IsoDate;
        readonly queueStartDate: IsoDate;
        readonly reason: 'fee-paid-in-time';
        readonly decidedBy: string;
      };
    }
  | { readonly type: 'personal-details-changed'; readonly data: { readonly personal: Sealed; readonly caseId?: string; readonly changedBy: string } }
  | {
      readonly type: 'case-registered';
      readonly data: { readonly caseId: string; readonly channel: CaseChannel; readonly subject: string; readonly description: Sealed; readonly registeredBy: string };
    }
  | { readonly type: 'case-answered'; readonly data: { readonly caseId: string; readonly answer: Sealed; readonly answeredBy: string } }
  | { readonly type: 'account-closed'; readonly data: { readonly on: IsoDate; readonly closedBy: string } }
  /** For staff: sign-ins to the account are being slowed down; the address they came from is sealed, it is personal data. */
  | { readonly type: 'sign-in-throttled'; readonly data: { readonly failedAttempts: number; readonly lockedUntil: string; readonly fromAddress: Sealed } }
  | { readonly type: 'personal-data-erased'; readonly data: { readonly on: IsoDate; readonly erasedBy: string } };

export const applicantStream = (applicantId: string) => `applicant-${applicantId}`;

/** Claimed with `no_stream` so that two racing registrations of one person make one account. */
export const identityStream = (personnummerDigest: string) => `applicant_identity-${personnummerDigest}`;

export type IdentityEvent =
  | { readonly type: 'identity-claimed'; readonly data: { readonly applicantId: string } }
  /** After a personnummer change the old number's claim is released, the new one claimed. */
  | { readonly type: 'identity-released'; readonly data: { readonly applicantId: string } };
