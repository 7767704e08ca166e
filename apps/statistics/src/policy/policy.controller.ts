import { policyController } from '@bostadsko/policy';
import { POLICY_LIMITS } from './statistics-policy.js';
import { PolicyService } from './policy.service.js';

/** The published suppression rule: anyone may read it; analysts see its history; only admins change it, from a date on. */
export const PolicyController = policyController({
  path: 'statistics/policy',
  tag: 'statistics policy',
  name: 'Policy',
  service: PolicyService,
  limits: POLICY_LIMITS,
  values: 'integers',
  historyReaders: ['analyst', 'staff', 'admin'],
  reasonExample: 'Data protection officer’s review 2026-11-20',
});
