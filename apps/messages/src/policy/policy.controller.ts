import { policyController } from '@bostadsko/policy';
import { POLICY_LIMITS } from './messages-policy.js';
import { PolicyService } from './policy.service.js';

/** Which messages are e-mailed and how delivery retries: anyone may read it; only admins change it, from a date on. */
export const PolicyController = policyController({
  path: 'messages/policy',
  tag: 'messages policy',
  name: 'Policy',
  service: PolicyService,
  limits: POLICY_LIMITS,
  values: 'integers',
  historyReaders: ['staff', 'admin'],
  reasonExample: 'Board decision 2026-11-20',
});
