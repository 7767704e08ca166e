import type { messagesSv } from './messages.sv.js';

/** The messages pages' texts in English, spread into `en.ts`: the same keys as `messages.sv.ts`. */
export const messagesEn: Readonly<Record<keyof typeof messagesSv, string>> = {
  'messages.title': 'Messages',
  'mine.messages.text': 'Everything we have sent you about fees and applications.',
  'messages.none': 'You have no messages yet.',
  'messages.unread': 'Unread',
  'messages.read': 'Read',
  'messages.received': 'Received',
  'messages.subject': 'Subject',
  'messages.status': 'Status',
  'messages.markRead': 'Mark as read',
  'messages.markedRead': 'The message is marked as read.',
  'messages.back': 'Back to messages',
  'devMail.title': 'Development mailbox',
  'devMail.intro': 'Every e-mail the system sent to the local SMTP server, newest first. Only outside production.',
  'devMail.none': 'No e-mail has been sent yet.',
  'devMail.to': 'To',
  'devMail.from': 'From',
};
