import { Inject, Injectable } from '@nestjs/common';
import { DatedPolicy } from '@bostadsko/policy';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DEFAULT_POLICY, POLICY_LIMITS, type StatisticsPolicy } from './statistics-policy.js';

const POLICY_STREAM = 'statistics_policy-current';

/** Policy changes are events: which threshold applied on any past date can always be shown. */
@Injectable()
export class PolicyService extends DatedPolicy<StatisticsPolicy> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, POLICY_STREAM, DEFAULT_POLICY, POLICY_LIMITS);
  }
}
