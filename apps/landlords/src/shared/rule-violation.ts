import { RuleViolation } from '@bostadsko/errors';

const STATUS_BY_CODE: Record<string, number> = {
  'no-landlord': 404,
  'no-agreement': 404,
  'no-user': 404,
  'no-case': 404,
  'already-registered': 409,
  'already-terminated': 409,
  'agreement-in-force': 409,
  'first-administrator-exists': 409,
  'email-taken': 409,
  'case-closed': 409,
};

/** A command the rules refuse; the message is shown to the caller, the code names the rule. */
export class LandlordRuleViolation extends RuleViolation {
  constructor(code: string, message: string) {
    super('landlords', STATUS_BY_CODE, code, message);
  }
}
