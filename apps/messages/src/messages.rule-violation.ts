import { RuleViolation } from '@bostadsko/errors';

const STATUS_BY_CODE: Record<string, number> = { 'saved-search-cap': 409 };

/** A command the messages rules refuse; the message is shown to the person, the code names the rule. */
export class MessagesRuleViolation extends RuleViolation {
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
    super('messages', STATUS_BY_CODE, code, message, { code, ...extensions });
  }
}
