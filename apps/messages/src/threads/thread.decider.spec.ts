import { NotFound } from '@bostadsko/errors';
import { MessagesRuleViolation } from '../messages.rule-violation.js';
import { deciderSpecification } from '@bostadsko/testing';
import { decide, evolve, initialState, type PersonMessagesCommand } from '../inbox/person-messages.decider.js';
import type { MessageKind, PersonMessagesEvent } from '../inbox/person-messages.events.js';

const given = deciderSpecification({ decide, evolve, initialState });
const sealed = (data: string) => ({ subject: 'p', iv: 'i', tag: 't', data });
const NOW = '2026-05-20T10:00:00Z';
const recorded = (messageId: string, kind: MessageKind): PersonMessagesEvent => ({
  type: 'message-recorded',
  data: { messageId, kind, language: 'sv', email: true, content: sealed(messageId), cause: 'c', recordedAt: NOW },
});
const reply = (messageId: string, replyId = 'r1'): PersonMessagesCommand => ({ type: 'reply', replyId, messageId, body: sealed('reply'), now: NOW });
const replied = (threadId: string, inReplyTo = threadId, replyId = 'r1'): PersonMessagesEvent => ({ type: 'reply-sent', data: { replyId, threadId, inReplyTo, body: sealed('reply'), at: NOW } });
const answer = (threadId: string, messageId = 'a1', email = true): PersonMessagesCommand => ({
  type: 'answer-thread',
  threadId,
  messageId,
  staffId: 'staff-1',
  email,
  content: sealed('answer-message'),
  body: sealed('answer'),
  now: NOW,
});
const answered = (threadId: string, messageId = 'a1', email = true): PersonMessagesEvent[] => [
  { type: 'message-recorded', data: { messageId, kind: 'thread-answer', language: 'sv', email, content: sealed('answer-message'), cause: `thread:${threadId}`, recordedAt: NOW } },
  { type: 'thread-answered', data: { messageId, threadId, staffId: 'staff-1', body: sealed('answer'), at: NOW } },
];

describe('a seeker’s replies and staff’s answers (threads)', () => {
  test('a reply to a message about a letting begins a thread named by that message', () => {
    given([recorded('m1', 'showing-invitation')])
      .when(reply('m1'))
      .then([replied('m1')]);
  });

  test('a fee notice, a deregistration or a saved-search alert cannot be replied to', () => {
    for (const kind of ['fee-notice-issued', 'fee-reminder', 'deregistered', 'saved-search-alert'] as const) {
      given([recorded('m1', kind)])
        .when(reply('m1'))
        .thenThrows(MessagesRuleViolation, { status: 422, extensions: { code: 'not-replyable' } });
    }
  });

  test('a reply to a message the seeker does not have is not found', () => {
    given([recorded('m1', 'application-received')])
      .when(reply('other'))
      .thenThrows(NotFound);
  });

  test('staff answer a thread the seeker began: a message in the inbox (e-mailed) and an entry in the thread', () => {
    given([recorded('m1', 'proposal-outcome'), replied('m1')])
      .when(answer('m1'))
      .then(answered('m1'));
  });

  test('staff cannot answer a thread nobody began, nor a message that was never replied to', () => {
    given([recorded('m1', 'proposal-outcome')])
      .when(answer('m1'))
      .thenThrows(NotFound);
  });

  test('an answer recorded once: the same answer again records nothing', () => {
    given([recorded('m1', 'letting-completed'), replied('m1'), ...answered('m1')])
      .when(answer('m1'))
      .thenNothing();
  });

  test('a reply to staff’s answer continues the same thread', () => {
    given([recorded('m1', 'avhopp-recorded'), replied('m1'), ...answered('m1')])
      .when(reply('a1', 'r2'))
      .then([replied('m1', 'a1', 'r2')]);
  });

  test('the answer is e-mailed unless the seeker kept such answers in the inbox only', () => {
    given([recorded('m1', 'place-at-close'), replied('m1'), { type: 'email-preference-chosen', data: { kind: 'thread-answer', email: false } }])
      .when(answer('m1'))
      .then(answered('m1', 'a1', false));
  });

  test('nothing is written for an erased person', () => {
    given([recorded('m1', 'place-at-close'), replied('m1'), { type: 'person-erased', data: { on: '2026-05-21' } }])
      .when(reply('m1', 'r2'))
      .thenNothing();
  });
});
