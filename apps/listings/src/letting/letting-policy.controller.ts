import { policyController } from '@bostadsko/policy';
import { LettingPolicyService } from './letting-policy.service.js';
import { LETTING_POLICY_LIMITS } from './letting.policy.js';

/** The letting deadlines, joined with the listings policy's showing size: anyone may read them; only admins change them, from a date on. */
export const LettingPolicyController = policyController({
  path: 'letting/policy',
  tag: 'letting policy',
  name: 'LettingPolicy',
  service: LettingPolicyService,
  limits: LETTING_POLICY_LIMITS,
  values: 'integers',
  historyReaders: ['staff', 'admin'],
  reasonExample: 'Board decision 2026-11-20, §4',
  onDate: (policy, date) => policy.rules(date),
});
