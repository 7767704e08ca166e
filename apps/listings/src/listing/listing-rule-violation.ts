import { RuleViolation } from '@bostadsko/errors';

const STATUS_BY_CODE: Record<string, number> = {
  'no-such-listing': 404,
  'no-such-application': 404,
  'already-applied': 409,
  'already-published': 409,
  'not-your-listing': 403,
  'not-your-application': 403,
};

/** A command the rules refuse; the message is shown to the person, the code names the rule. */
export class ListingRuleViolation extends RuleViolation {
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
    super('listings', STATUS_BY_CODE, code, message, { code, ...extensions });
  }
}
