import { policyController } from '@bostadsko/policy';
import { POLICY_LIMITS } from './applicant-policy.js';
import { PolicyService } from './policy.service.js';

/** The published rules: anyone may read what applied on a date; only admins change them, from a date on. */
export const PolicyController = policyController({
  path: 'applicants/policy',
  tag: 'policy',
  name: 'Policy',
  service: PolicyService,
  limits: POLICY_LIMITS,
  values: 'integers',
  historyReaders: ['staff', 'admin'],
  reasonExample: 'Board decision 2026-11-20, §4',
});
