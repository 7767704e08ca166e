import { Inject, Injectable } from '@nestjs/common';
import { DatedPolicy } from '@bostadsko/policy';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DEFAULT_POLICY, POLICY_LIMITS, type ApplicantPolicy } from './applicant-policy.js';

const POLICY_STREAM = 'applicants_policy-current';

/** Policy changes are events: what applied on any past date can always be shown and replayed. */
@Injectable()
export class PolicyService extends DatedPolicy<ApplicantPolicy> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, POLICY_STREAM, DEFAULT_POLICY, POLICY_LIMITS);
  }
}
