import { createHash } from 'node:crypto';
import type { IncomingPayment } from './fee-account.events.js';
import type { Ore } from './money.js';

/**
 * A payment whose reference matched no fee notice. One stream per payment,
 * appended with `no_stream`: recording the same payment twice is a no-op.
 */
export interface UnmatchedPaymentRecorded {
  readonly type: 'unmatched-payment-recorded';
  readonly data: IncomingPayment & { readonly reason: 'unknown-reference' | 'invalid-reference' };
}

export type LineOutcome = 'paid' | 'partly-paid' | 'late' | 'discrepancy' | 'unmatched' | 'duplicate' | 'invalid';

export interface LineReport {
  readonly line: number;
  readonly outcome: LineOutcome;
  readonly reference?: string;
  readonly amountOre?: Ore;
  readonly paidOn?: string;
  readonly bankReference?: string;
  readonly applicantId?: string;
  readonly reason?: string;
  /** A late payment: the last value date that counted, and when the account is (or was) deregistered. */
  readonly lastPayDay?: string;
  readonly deregistrationOn?: string;
  /** Why an invalid line was not registered; its text is kept so staff can place the money by hand. */
  readonly messages?: readonly string[];
  readonly text?: string;
}

/** A bank payment file, processed once: its stream is named by the content hash. */
export interface PaymentFileProcessed {
  readonly type: 'payment-file-processed';
  readonly data: { readonly fileId: string; readonly fileName: string | null; readonly uploadedBy: string; readonly lines: readonly LineReport[] };
}

const UNMATCHED_PAYMENT_PREFIX = 'fee_unmatched_payment-';
/** Hashed: a payment id carries the bank's own reference, which may hold any character. */
export const unmatchedPaymentStream = (paymentId: string) => `${UNMATCHED_PAYMENT_PREFIX}${createHash('sha256').update(paymentId).digest('hex').slice(0, 32)}`;
const PAYMENT_FILE_PREFIX = 'fee_payment_file-';
export const paymentFileStream = (fileId: string) => `${PAYMENT_FILE_PREFIX}${fileId}`;
