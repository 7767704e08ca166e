import { NotFound } from '@bostadsko/errors';
import type { Sealed } from '@bostadsko/personal-data/sealed';
import type { Language, MessageKind, PersonMessagesEvent } from './person-messages.events.js';

export type PersonMessagesCommand =
  | { readonly type: 'record-message'; readonly messageId: string; readonly kind: MessageKind; readonly email: boolean; readonly content: Sealed; readonly cause: string; readonly now: string }
  | { readonly type: 'mark-read'; readonly messageId: string; readonly now: string }
  | { readonly type: 'note-email'; readonly email: Sealed }
  | { readonly type: 'record-bounce'; readonly messageId: string; readonly reason: string; readonly now: string }
  | { readonly type: 'choose-language'; readonly language: Language }
  | { readonly type: 'erase'; readonly on: string };

export interface PersonMessagesState {
  /** Message id to whether it has been read. */
  readonly messages: ReadonlyMap<string, boolean>;
  readonly language: Language;
  readonly erased: boolean;
}

export const initialState: PersonMessagesState = { messages: new Map(), language: 'sv', erased: false };

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
      const { messageId, kind, email, content, cause, now } = command;
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
    case 'erase':
      return [{ type: 'person-erased', data: { on: command.on } }];
  }
}

export function evolve(state: PersonMessagesState, event: PersonMessagesEvent): PersonMessagesState {
  switch (event.type) {
    case 'message-recorded':
      return { ...state, messages: new Map(state.messages).set(event.data.messageId, false) };
    case 'message-read':
      return { ...state, messages: new Map(state.messages).set(event.data.messageId, true) };
    case 'language-chosen':
      return { ...state, language: event.data.language };
    case 'person-erased':
      return { ...state, erased: true };
    default:
      return state;
  }
}
