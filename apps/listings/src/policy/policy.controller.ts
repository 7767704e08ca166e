import { policyController } from '@bostadsko/policy';
import { POLICY_LIMITS } from './listing-policy.js';
import { PolicyService } from './policy.service.js';

/** The published listing rules: anyone may read what applied on a date; only admins change them, from a date on. */
export const PolicyController = policyController({
  path: 'listings/policy',
  tag: 'policy',
  name: 'Policy',
  service: PolicyService,
  limits: POLICY_LIMITS,
  // The income multiple is a decimal (2.5 × the yearly rent).
  values: 'decimals',
  historyReaders: ['staff', 'admin'],
  reasonExample: 'Board decision 2026-11-20, §4',
});
