import { defineContract, is } from '../contract.js';

/** A seeker opened an account. No personal data: other apps need the id and the dates only. */
export interface ApplicantRegisteredV1 {
  readonly applicantId: string;
  /** Europe/Stockholm calendar date the account was opened. */
  readonly registeredOn: string;
  readonly queueStartDate: string;
}

export const ApplicantRegisteredV1 = defineContract<ApplicantRegisteredV1>('applicants.applicant-registered.v1', 1, {
  applicantId: is.uuid,
  registeredOn: is.isoDate,
  queueStartDate: is.isoDate,
});
