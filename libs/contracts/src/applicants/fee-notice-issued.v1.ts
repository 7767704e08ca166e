import { defineContract, is } from '../contract.js';

/**
 * An annual fee notice was issued: what the seeker must be told to pay it. The
 * last pay day is the due date plus the grace in force on the due date, as the
 * applicants fee job applies it.
 */
export interface FeeNoticeIssuedV1 {
  readonly applicantId: string;
  readonly noticeId: string;
  readonly year: number;
  readonly issuedOn: string;
  readonly dueDate: string;
  readonly lastPayDay: string;
  /** SEK. */
  readonly amount: number;
  /** The OCR reference to pay with. */
  readonly reference: string;
}

export const FeeNoticeIssuedV1 = defineContract<FeeNoticeIssuedV1>('applicants.fee-notice-issued.v1', 1, {
  applicantId: is.uuid,
  noticeId: is.text,
  year: (v) => Number.isInteger(v) && (v as number) > 1900,
  issuedOn: is.isoDate,
  dueDate: is.isoDate,
  lastPayDay: is.isoDate,
  amount: is.amount,
  reference: (v) => typeof v === 'string' && /^\d+$/.test(v),
});
