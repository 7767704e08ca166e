import { Inject, Injectable } from '@nestjs/common';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DatedPolicy } from '@bostadsko/policy';
import { PolicyService } from '../policy/policy.service.js';
import type { IsoDate } from '@bostadsko/calendar';
import { DEFAULT_LETTING_POLICY, LETTING_POLICY_LIMITS, type LettingPolicy, type LettingRules } from './letting.policy.js';

/** Not a `letting-` stream, so the integration mapper and the allocation audit never see it. */
const LETTING_POLICY_STREAM = 'letting_policy-current';

/** The letting deadlines as dated events, joined with the listings policy's showing size. */
@Injectable()
export class LettingPolicyService extends DatedPolicy<LettingPolicy> {
  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    private readonly listingsPolicy: PolicyService,
  ) {
    super(infra.store, LETTING_POLICY_STREAM, DEFAULT_LETTING_POLICY, LETTING_POLICY_LIMITS, 'letting-policy-changed');
  }

  async rules(date: IsoDate): Promise<LettingRules> {
    const [own, listings] = await Promise.all([this.on(date), this.listingsPolicy.on(date)]);
    return { ...own, showingInvitations: listings.showingInvitations };
  }
}
