import { defineContract, is } from '../contract.js';

/**
 * A deregistration (ApplicantDeregisteredV1) was wrong: a payment dated within the grace period
 * arrived after it. The account is back in the queue with its queue time, from `deregisteredOn`
 * as if never deregistered (the standing itself comes as QueueStandingChangedV1). What the
 * deregistration withdrew stays withdrawn: the listings closed meanwhile are not re-run.
 */
export interface ApplicantDeregistrationReversedV1 {
  readonly applicantId: string;
  readonly deregisteredOn: string;
  readonly on: string;
  readonly queueStartDate: string;
  readonly reason: 'fee-paid-in-time';
}

export const ApplicantDeregistrationReversedV1 = defineContract<ApplicantDeregistrationReversedV1>('applicants.applicant-deregistration-reversed.v1', 1, {
  applicantId: is.uuid,
  deregisteredOn: is.isoDate,
  on: is.isoDate,
  queueStartDate: is.isoDate,
  reason: is.oneOf('fee-paid-in-time'),
});
