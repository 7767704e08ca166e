import { defineContract, is } from '../contract.js';

/** A fee notice was paid in full: the messages app stops the reminders it had planned for it. */
export interface FeeNoticePaidV1 {
  readonly applicantId: string;
  readonly noticeId: string;
  readonly paidOn: string;
}

export const FeeNoticePaidV1 = defineContract<FeeNoticePaidV1>('applicants.fee-notice-paid.v1', 1, {
  applicantId: is.uuid,
  noticeId: is.text,
  paidOn: is.isoDate,
});
