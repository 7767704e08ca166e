import { defineContract, is } from '../contract.js';

/**
 * A seeker opened an account. No personal data: the id, the dates, and the birth
 * year, which listings needs for the age range of youth and senior lists and
 * statistics for age groups (the full birth date stays sealed in applicants).
 */
export interface ApplicantRegisteredV1 {
  readonly applicantId: string;
  /** Europe/Stockholm calendar date the account was opened. */
  readonly registeredOn: string;
  readonly queueStartDate: string;
  /** Added after the first messages were published: absent on those, so optional within v1. */
  readonly birthYear?: number;
}

export const ApplicantRegisteredV1 = defineContract<ApplicantRegisteredV1>('applicants.applicant-registered.v1', 1, {
  applicantId: is.uuid,
  registeredOn: is.isoDate,
  queueStartDate: is.isoDate,
  birthYear: (v) => v === undefined || (Number.isInteger(v) && (v as number) > 1900 && (v as number) < 2200),
});
