/** A message as the messages app answers it (GET /messages, /messages/{id}). */
export interface InboxMessage {
  readonly messageId: string;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly recordedAt: string;
  readonly readAt: string | null;
}

/** A mail the development SMTP server kept (GET /dev/mailbox). */
export interface KeptMail {
  readonly id: string;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/** A message's thread as the messages app answers it (GET /messages/{id}/thread). */
export interface MessageThread {
  readonly threadId: string | null;
  readonly replyable: boolean;
  readonly entries: ReadonlyArray<{ readonly entryId: string; readonly from: 'seeker' | 'staff'; readonly text: string; readonly at: string }>;
}
