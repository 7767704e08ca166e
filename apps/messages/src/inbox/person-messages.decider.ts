import { NotFound } from '@bostadsko/errors';
import { MessagesRuleViolation } from '../messages.rule-violation.js';
import type { Sealed } from '@bostadsko/personal-data/sealed';
import { REPLYABLE_KINDS } from '../threads/replyable.js';
import type { Language, MessageKind, PersonMessagesEvent } from './person-messages.events.js';

export type PersonMessagesCommand =
  | { readonly type: 'record-message'; readonly messageId: string; readonly kind: MessageKind; readonly email: boolean; readonly content: Sealed; readonly cause: string; readonly now: string }
  | { readonly type: 'mark-read'; readonly messageId: string; readonly now: string }
  | { readonly type: 'note-email'; readonly email: Sealed }
  | { readonly type: 'record-bounce'; readonly messageId: string; readonly reason: string; readonly now: string }
  | { readonly type: 'choose-language'; readonly language: Language }
  | { readonly type: 'choose-digest-time'; readonly digestTime: string }
  /** `optional`: the kinds a person may turn off (fee and letting messages are always e-mailed). */
  | { readonly type: 'choose-email'; readonly kind: MessageKind; readonly email: boolean; readonly optional: readonly MessageKind[] }
  | { readonly type: 'erase'; readonly on: string }
  /** The seeker replies to a message of theirs; the words sealed under their key. */
  | { readonly type: 'reply'; readonly replyId: string; readonly messageId: string; readonly body: Sealed; readonly now: string }
  /** Staff answer a thread: `content` is the answer as an inbox message, `body` its words for the thread, both sealed. */
  | {
      readonly type: 'answer-thread';
      readonly threadId: string;
      readonly messageId: string;
      readonly staffId: string;
      readonly email: boolean;
      readonly content: Sealed;
      readonly body: Sealed;
      readonly now: string;
    };

/** Daily saved-search alerts go out at this Swedish time unless the person chose another. */
const DEFAULT_DIGEST_TIME = '07:00';

export interface PersonMessagesState {
  /** Message id to whether it has been read. */
  readonly messages: ReadonlyMap<string, boolean>;
  readonly language: Language;
  readonly digestTime: string;
  /** Kinds the person chose to keep in the inbox only. */
  readonly emailOff: ReadonlySet<MessageKind>;
  readonly erased: boolean;
  /** Each message that may be replied to, to the thread a reply to it belongs to (its own id, or the thread staff answered in). */
  readonly threadOf: ReadonlyMap<string, string>;
  /** Threads the seeker has begun by replying: only these can staff answer. */
  readonly threads: ReadonlySet<string>;
}

export const initialState: PersonMessagesState = {
  messages: new Map(),
  language: 'sv',
  digestTime: DEFAULT_DIGEST_TIME,
  emailOff: new Set(),
  erased: false,
  threadOf: new Map(),
  threads: new Set(),
};

/**
 * A person's messages are records: each is kept once (a redelivered cause
 * records nothing new), read once, and nothing new is written for an erased person.
 */
export function decide(command: PersonMessagesCommand, state: PersonMessagesState): PersonMessagesEvent[] {
  if (state.erased) return [];
  switch (command.type) {
    case 'record-message': {
      if (state.messages.has(command.messageId)) return [];
      // Written in the language the person had chosen when it was recorded, and so shown in it ever after.
      // E-mailed when the policy of the day says so and the person has not turned the kind off.
      const { messageId, kind, content, cause, now } = command;
      const email = command.email && !state.emailOff.has(kind);
      return [{ type: 'message-recorded', data: { messageId, kind, language: state.language, email, content, cause, recordedAt: now } }];
    }
    case 'mark-read': {
      const read = state.messages.get(command.messageId);
      if (read === undefined) throw new NotFound('No such message');
      return read ? [] : [{ type: 'message-read', data: { messageId: command.messageId, readAt: command.now } }];
    }
    case 'note-email':
      return [{ type: 'email-address-noted', data: { email: command.email } }];
    case 'record-bounce':
      return [{ type: 'email-bounced', data: { messageId: command.messageId, reason: command.reason, at: command.now } }];
    case 'choose-language':
      return command.language === state.language ? [] : [{ type: 'language-chosen', data: { language: command.language } }];
    case 'choose-digest-time':
      return command.digestTime === state.digestTime ? [] : [{ type: 'digest-time-chosen', data: { digestTime: command.digestTime } }];
    case 'choose-email': {
      if (!command.optional.includes(command.kind)) {
        throw new MessagesRuleViolation('email-required', `${command.kind} messages are always e-mailed: they concern your fees or a letting`);
      }
      return state.emailOff.has(command.kind) === !command.email ? [] : [{ type: 'email-preference-chosen', data: { kind: command.kind, email: command.email } }];
    }
    case 'erase':
      return [{ type: 'person-erased', data: { on: command.on } }];
    case 'reply': {
      const threadId = state.threadOf.get(command.messageId);
      if (threadId === undefined) {
        if (!state.messages.has(command.messageId)) throw new NotFound('No such message');
        throw new MessagesRuleViolation('not-replyable', 'This message cannot be replied to: only messages about a letting can. Questions about fees go through a case.');
      }
      return [{ type: 'reply-sent', data: { replyId: command.replyId, threadId, inReplyTo: command.messageId, body: command.body, at: command.now } }];
    }
    case 'answer-thread': {
      if (!state.threads.has(command.threadId)) throw new NotFound('No such thread: the seeker has not replied to that message');
      if (state.messages.has(command.messageId)) return [];
      const { messageId, threadId, staffId, content, body, now } = command;
      const email = command.email && !state.emailOff.has('thread-answer');
      return [
        { type: 'message-recorded', data: { messageId, kind: 'thread-answer', language: state.language, email, content, cause: `thread:${threadId}`, recordedAt: now } },
        { type: 'thread-answered', data: { messageId, threadId, staffId, body, at: now } },
      ];
    }
  }
}

export function evolve(state: PersonMessagesState, event: PersonMessagesEvent): PersonMessagesState {
  switch (event.type) {
    case 'message-recorded': {
      const messages = new Map(state.messages).set(event.data.messageId, false);
      if (!REPLYABLE_KINDS.has(event.data.kind)) return { ...state, messages };
      return { ...state, messages, threadOf: new Map(state.threadOf).set(event.data.messageId, event.data.messageId) };
    }
    case 'reply-sent':
      return { ...state, threads: new Set(state.threads).add(event.data.threadId) };
    case 'thread-answered':
      return { ...state, threadOf: new Map(state.threadOf).set(event.data.messageId, event.data.threadId) };
    case 'message-read':
      return { ...state, messages: new Map(state.messages).set(event.data.messageId, true) };
    case 'language-chosen':
      return { ...state, language: event.data.language };
    case 'digest-time-chosen':
      return { ...state, digestTime: event.data.digestTime };
    case 'email-preference-chosen': {
      const emailOff = new Set(state.emailOff);
      if (event.data.email) emailOff.delete(event.data.kind);
      else emailOff.add(event.data.kind);
      return { ...state, emailOff };
    }
    case 'person-erased':
      return { ...state, erased: true };
    default:
      return state;
  }
}
