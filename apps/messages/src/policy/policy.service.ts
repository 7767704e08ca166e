import { Inject, Injectable } from '@nestjs/common';
import { DatedPolicy } from '@bostadsko/policy';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DEFAULT_POLICY, POLICY_LIMITS, type MessagesPolicy } from './messages-policy.js';

const POLICY_STREAM = 'messages_policy-current';

/** Policy changes are events: which kinds were e-mailed on any past date can always be shown. */
@Injectable()
export class PolicyService extends DatedPolicy<MessagesPolicy> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, POLICY_STREAM, DEFAULT_POLICY, POLICY_LIMITS);
  }
}
