import { createHash } from 'node:crypto';
import type { IsoDate } from '@bostadsko/calendar';
import type { Ore } from './money.js';

/**
 * How staff settle money the rules did not apply as sent: placed on the notice it was
 * meant for, paid back, kept by the agency, or found to need nothing (with the reason).
 */
export type Resolution = 'matched' | 'refunded' | 'written-off' | 'dismissed';
export const RESOLUTIONS: readonly Resolution[] = ['matched', 'refunded', 'written-off', 'dismissed'];

/** The notice a payment was placed on, and the payment that placed it there (registered on that fee account). */
export interface DiscrepancyMatch {
  readonly reference: string;
  readonly applicantId: string;
  readonly paymentId: string;
}

export interface FeeDiscrepancyResolved {
  readonly type: 'fee-discrepancy-resolved';
  readonly data: {
    readonly discrepancyId: string;
    /** As listed: `discrepancy`, `unmatched` or `invalid-line`, and why. */
    readonly kind: string;
    readonly reason: string;
    /** The seeker the money was paid for, when the list knew one. */
    readonly applicantId: string | null;
    readonly resolution: Resolution;
    /** The money the resolution is about; null for an unreadable bank-file line. */
    readonly amountOre: Ore | null;
    readonly match: DiscrepancyMatch | null;
    /** Why, in the words of the staff member: shown to the seeker in the fee history. */
    readonly note: string;
    readonly resolvedBy: string;
    readonly resolvedOn: IsoDate;
  };
}

export type FeeDiscrepancyEvent = FeeDiscrepancyResolved;

const FEE_DISCREPANCY_PREFIX = 'fee_discrepancy-';
/** Hashed: a discrepancy id carries a bank's own payment reference, which may hold any character. */
export const feeDiscrepancyStream = (discrepancyId: string) => `${FEE_DISCREPANCY_PREFIX}${createHash('sha256').update(discrepancyId).digest('hex').slice(0, 32)}`;
