import { defineContract, is } from '../contract.js';

/** The account lost its queue time; listings withdraws the seeker's open applications and invitations. */
export interface ApplicantDeregisteredV1 {
  readonly applicantId: string;
  readonly on: string;
  readonly reason: 'annual-fee-unpaid';
}

export const ApplicantDeregisteredV1 = defineContract<ApplicantDeregisteredV1>('applicants.applicant-deregistered.v1', 1, {
  applicantId: is.uuid,
  on: is.isoDate,
  reason: is.oneOf('annual-fee-unpaid'),
});
