import type { IsoDate } from '@bostadsko/calendar';
import type { Ore } from './money.js';

/** How staff registered a payment: by hand, from a bank file, or by matching a listed discrepancy to its notice. */
export type PaymentSource = 'manual' | 'bank-file' | 'discrepancy-resolution';

/** A payment as it arrived, before any rule looked at it. */
export interface IncomingPayment {
  /** Stable across retries: `bank:<bank reference>` when the bank gave one, else an id the API made once. */
  readonly paymentId: string;
  readonly reference: string;
  readonly amountOre: Ore;
  readonly paidOn: IsoDate;
  readonly bankReference: string | null;
  readonly source: PaymentSource;
  /** The payment file's content hash, for bank-file payments. */
  readonly fileId: string | null;
  readonly registeredBy: string;
}

/**
 * Why a payment was not simply the notice's amount, on time. `underpaid` and
 * `overpaid` were applied (up to what was due); the others were not applied at all.
 */
export type DiscrepancyReason = 'too-early' | 'late' | 'underpaid' | 'overpaid' | 'already-paid' | 'account-deregistered' | 'unknown-notice';

export interface Discrepancy {
  readonly reason: DiscrepancyReason;
  /** Underpaid: still outstanding; otherwise the amount not applied, to refund or place by hand. */
  readonly ore: Ore;
}

export type FeeAccountEvent =
  | {
      readonly type: 'fee-notice-issued';
      readonly data: {
        readonly applicantId: string;
        readonly noticeId: string;
        readonly year: number;
        /** The anniversary the due date is taken from: the account's registration date. */
        readonly registeredOn: IsoDate;
        readonly issuedOn: IsoDate;
        readonly dueDate: IsoDate;
        /** Payments dated earlier are too early (policy earlyPaymentDays on the issue date). */
        readonly payableFrom: IsoDate;
        readonly amountOre: Ore;
        readonly reference: string;
      };
    }
  | {
      readonly type: 'fee-payment-received';
      readonly data: IncomingPayment & {
        readonly noticeId: string | null;
        readonly appliedOre: Ore;
        readonly discrepancy: Discrepancy | null;
      };
    }
  | { readonly type: 'fee-notice-paid'; readonly data: { readonly noticeId: string; readonly paidOn: IsoDate; readonly paidOre: Ore } }
  | {
      /** The fee was not paid within the grace days: the account is to be deregistered (done through the applicant). */
      readonly type: 'fee-account-lapsed';
      readonly data: {
        readonly noticeId: string;
        readonly dueDate: IsoDate;
        readonly graceDays: number;
        /** Absent before the settlement period existed, when day graceDays + 1 lapsed the account. */
        readonly settlementBankingDays?: number;
        readonly on: IsoDate;
        readonly outstandingOre: Ore;
        /**
         * Applied, but dated after the deadline: they did not save the account and are owed back.
         * Only before late payments were refused (`late`) could one be applied.
         */
        readonly latePayments: readonly { readonly paymentId: string; readonly appliedOre: Ore; readonly paidOn: IsoDate }[];
      };
    }
  | {
      /** A payment dated within the grace period completed the fee after the lapse: the account is kept after all. */
      readonly type: 'fee-account-lapse-reversed';
      readonly data: { readonly noticeId: string; readonly lapsedOn: IsoDate; readonly paymentId: string; readonly paidOn: IsoDate };
    };

export const FEE_ACCOUNT_PREFIX = 'fee_account-';
export const feeAccountStream = (applicantId: string) => `${FEE_ACCOUNT_PREFIX}${applicantId}`;
