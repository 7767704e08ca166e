import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { PERSON_MESSAGES_PREFIX, type PersonMessagesEvent } from '../inbox/person-messages.events.js';

export const THREAD_ENTRIES_TABLE = 'messages.thread_entries';

/**
 * Every seeker reply and staff answer, one row each with its sealed words, keyed by
 * the thread (the message it began with). A thread waits for an answer while its
 * newest row is the seeker's. Idempotent (insert once); an erased person's rows go.
 */
export const threadsProjection: Projection<RecordedEvent> = {
  name: 'threads',
  table: THREAD_ENTRIES_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      entry_id uuid PRIMARY KEY,
      thread_id uuid NOT NULL,
      applicant_id uuid NOT NULL,
      in_reply_to uuid,
      staff_id text,
      body jsonb NOT NULL,
      at timestamptz NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id, thread_id, at)`);
    await tx.query(`CREATE INDEX ON ${table} (thread_id, at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(PERSON_MESSAGES_PREFIX)) continue;
      const applicantId = event.streamId.slice(PERSON_MESSAGES_PREFIX.length);
      const domain = event as unknown as PersonMessagesEvent;
      if (domain.type === 'reply-sent') {
        const { replyId, threadId, inReplyTo, body, at } = domain.data;
        await tx.query(`INSERT INTO ${table} (entry_id, thread_id, applicant_id, in_reply_to, body, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (entry_id) DO NOTHING`, [
          replyId,
          threadId,
          applicantId,
          inReplyTo,
          body,
          at,
        ]);
      } else if (domain.type === 'thread-answered') {
        const { messageId, threadId, staffId, body, at } = domain.data;
        await tx.query(`INSERT INTO ${table} (entry_id, thread_id, applicant_id, staff_id, body, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (entry_id) DO NOTHING`, [
          messageId,
          threadId,
          applicantId,
          staffId,
          body,
          at,
        ]);
      } else if (domain.type === 'person-erased') {
        await tx.query(`DELETE FROM ${table} WHERE applicant_id = $1`, [applicantId]);
      }
    }
  },
};
