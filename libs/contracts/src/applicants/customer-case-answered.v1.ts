import { defineContract, is } from '../contract.js';

/**
 * Staff answered a seeker's customer case (process 3.1.2): the messages app tells the
 * seeker, with the answer. For the messages app only: the answer may name the person, so
 * the applicants relay opens it from the seeker's sealed case to publish it here (none
 * after erasure), and the messages app seals it again under its own per-person key.
 */
export interface CustomerCaseAnsweredV1 {
  readonly applicantId: string;
  readonly caseId: string;
  readonly subject: string;
  readonly answer: string;
  readonly answeredAt: string;
}

export const CustomerCaseAnsweredV1 = defineContract<CustomerCaseAnsweredV1>('applicants.customer-case-answered.v1', 1, {
  applicantId: is.uuid,
  caseId: is.uuid,
  subject: is.text,
  answer: is.text,
  answeredAt: is.isoInstant,
});
