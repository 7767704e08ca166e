import { MessagesRuleViolation } from '../messages.rule-violation.js';
import { decide, initialState } from '../inbox/person-messages.decider.js';
import { LANDLORD_OPTIONAL_EMAIL_KINDS, SEEKER_OPTIONAL_EMAIL_KINDS } from './messages-policy.js';

describe('which kinds a person may stop having e-mailed', () => {
  test('a landlord user: agreement changes and case answers, never a proposal waiting for their decision', () => {
    expect([...LANDLORD_OPTIONAL_EMAIL_KINDS].sort()).toEqual(['agreement-changed', 'case-answered']);
    const choose = (kind: 'proposal-waiting' | 'agreement-changed') => decide({ type: 'choose-email', kind, email: false, optional: LANDLORD_OPTIONAL_EMAIL_KINDS }, initialState);
    expect(() => choose('proposal-waiting')).toThrow(MessagesRuleViolation);
    expect(choose('agreement-changed')).toEqual([{ type: 'email-preference-chosen', data: { kind: 'agreement-changed', email: false } }]);
  });

  test('a seeker: the optional seeker kinds, case answers and answers in a thread, none of a landlord’s', () => {
    expect([...SEEKER_OPTIONAL_EMAIL_KINDS].sort()).toEqual(['application-received', 'case-answered', 'place-at-close', 'saved-search-alert', 'thread-answer']);
  });
});
