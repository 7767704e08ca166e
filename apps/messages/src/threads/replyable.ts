import type { MessageKind } from '../inbox/person-messages.events.js';

/**
 * The messages a seeker may reply to: those about a letting (an application, its
 * place, a showing, an offer's outcome, the letting, an avhopp) and staff's answers
 * in a thread. Fee notices, deregistrations and saved-search alerts are not a
 * conversation: DOMAIN.md gives the seeker no reply to them, and fee questions go
 * through a case.
 */
export const REPLYABLE_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'application-received',
  'place-at-close',
  'showing-invitation',
  'showing-reply-reminder',
  'proposal-outcome',
  'letting-completed',
  'avhopp-recorded',
]);

/** How long one reply or answer may be, in characters: a message, not a document. */
export const REPLY_MAX_LENGTH = 4000;
