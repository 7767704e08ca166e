import type { Sealed } from '@bostadsko/personal-data/sealed';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

export type MessageKind =
  | 'fee-notice-issued'
  | 'application-received'
  | 'place-at-close'
  | 'showing-invitation'
  | 'proposal-outcome'
  | 'letting-completed'
  | 'saved-search-alert'
  | 'fee-reminder'
  | 'fee-grace-reminder'
  | 'showing-reply-reminder'
  | 'deregistered'
  | 'deregistration-reversed'
  | 'avhopp-recorded'
  | 'thread-answer'
  | 'proposal-waiting'
  | 'agreement-changed'
  | 'case-answered';

/**
 * One person's messages and how to reach them: a stream per person, `person_messages-<applicantId>`; a landlord
 * user's under their user id (ids are UUIDs, so the two never meet).
 */
export const PERSON_MESSAGES_PREFIX = 'person_messages-';
export const personMessagesStream = (applicantId: string) => `${PERSON_MESSAGES_PREFIX}${applicantId}`;

export type PersonMessagesEvent =
  | {
      readonly type: 'message-recorded';
      readonly data: {
        /** Derived from the integration message that caused it, so a redelivery names the same message. */
        readonly messageId: string;
        readonly kind: MessageKind;
        readonly language: Language;
        /** Whether it is also to be e-mailed (the policy on the day). */
        readonly email: boolean;
        /** The facts the templates render (amounts, dates, the flat), sealed under the person's key. */
        readonly content: Sealed;
        readonly cause: string;
        readonly recordedAt: string;
      };
    }
  | { readonly type: 'message-read'; readonly data: { readonly messageId: string; readonly readAt: string } }
  | { readonly type: 'email-address-noted'; readonly data: { readonly email: Sealed } }
  | { readonly type: 'email-bounced'; readonly data: { readonly messageId: string; readonly reason: string; readonly at: string } }
  | { readonly type: 'language-chosen'; readonly data: { readonly language: Language } }
  /** The person's own choice to have a kind e-mailed or kept in the inbox only (only kinds the policy lets them turn off). */
  | { readonly type: 'email-preference-chosen'; readonly data: { readonly kind: MessageKind; readonly email: boolean } }
  /** When daily saved-search alerts are gathered and sent, `HH:MM` Swedish time. */
  | { readonly type: 'digest-time-chosen'; readonly data: { readonly digestTime: string } }
  | { readonly type: 'person-erased'; readonly data: { readonly on: string } }
  /** The seeker's reply to a message about a letting; the thread is named by the message it began with. The words are sealed. */
  | { readonly type: 'reply-sent'; readonly data: { readonly replyId: string; readonly threadId: string; readonly inReplyTo: string; readonly body: Sealed; readonly at: string } }
  /** Staff answered a thread; the answer is also the `message-recorded` of the same id (inbox and e-mail). The words are sealed. */
  | { readonly type: 'thread-answered'; readonly data: { readonly messageId: string; readonly threadId: string; readonly staffId: string; readonly body: Sealed; readonly at: string } };
