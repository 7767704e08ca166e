import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { PERSON_MESSAGES_PREFIX, type PersonMessagesEvent } from '../inbox/person-messages.events.js';

export const DELIVERIES_TABLE = 'messages.deliveries';

/**
 * The e-mail outbox, filled from the log: a row per message to be e-mailed,
 * inserted once (the message id is its key), which the delivery worker sends and
 * marks. It holds delivery state the log does not, so it is not rebuilt: a
 * rebuild would send every mail again. An erased person's pending mail is cancelled.
 */
export const deliveriesProjection: Projection<RecordedEvent> = {
  name: 'deliveries',
  table: DELIVERIES_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      message_id uuid PRIMARY KEY,
      applicant_id uuid NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz,
      last_error text,
      sent_at timestamptz
    )`);
    await tx.query(`CREATE INDEX ON ${table} (next_attempt_at) WHERE state = 'pending'`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(PERSON_MESSAGES_PREFIX)) continue;
      const applicantId = event.streamId.slice(PERSON_MESSAGES_PREFIX.length);
      const domain = event as unknown as PersonMessagesEvent;
      if (domain.type === 'message-recorded' && domain.data.email) {
        await tx.query(`INSERT INTO ${table} (message_id, applicant_id) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING`, [domain.data.messageId, applicantId]);
      } else if (domain.type === 'person-erased') {
        await tx.query(`UPDATE ${table} SET state = 'cancelled', last_error = 'person erased' WHERE applicant_id = $1 AND state = 'pending'`, [applicantId]);
      }
    }
  },
};
