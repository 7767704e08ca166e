import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { PERSON_MESSAGES_PREFIX, type PersonMessagesEvent } from './person-messages.events.js';

export const INBOX_TABLE = 'messages.inbox';

/**
 * Each person's inbox: one row per message with its sealed content, read or not.
 * Idempotent (insert once, read once), so a replayed tail changes nothing; an
 * erased person's rows go.
 */
export const inboxProjection: Projection<RecordedEvent> = {
  name: 'inbox',
  table: INBOX_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      message_id uuid PRIMARY KEY,
      applicant_id uuid NOT NULL,
      kind text NOT NULL,
      language text NOT NULL,
      content jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      read_at timestamptz
    )`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id, recorded_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(PERSON_MESSAGES_PREFIX)) continue;
      const applicantId = event.streamId.slice(PERSON_MESSAGES_PREFIX.length);
      const domain = event as unknown as PersonMessagesEvent;
      if (domain.type === 'message-recorded') {
        const { messageId, kind, language, content, recordedAt } = domain.data;
        await tx.query(`INSERT INTO ${table} (message_id, applicant_id, kind, language, content, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING`, [
          messageId,
          applicantId,
          kind,
          language,
          content,
          recordedAt,
        ]);
      } else if (domain.type === 'message-read') {
        await tx.query(`UPDATE ${table} SET read_at = coalesce(read_at, $2) WHERE message_id = $1`, [domain.data.messageId, domain.data.readAt]);
      } else if (domain.type === 'person-erased') {
        await tx.query(`DELETE FROM ${table} WHERE applicant_id = $1`, [applicantId]);
      }
    }
  },
};
