import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { PERSON_MESSAGES_PREFIX, type PersonMessagesEvent } from '../inbox/person-messages.events.js';

export const PEOPLE_TABLE = 'messages.people';

/**
 * How to reach each person: the sealed e-mail address, the language, and a
 * permanent delivery failure for staff to follow up (cleared by a new address).
 */
export const peopleProjection: Projection<RecordedEvent> = {
  name: 'people',
  table: PEOPLE_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      email jsonb,
      language text NOT NULL DEFAULT 'sv',
      bounced_at timestamptz,
      bounce_reason text,
      bounced_message_id uuid
    )`);
    await tx.query(`CREATE INDEX ON ${table} (bounced_at) WHERE bounced_at IS NOT NULL`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(PERSON_MESSAGES_PREFIX)) continue;
      const applicantId = event.streamId.slice(PERSON_MESSAGES_PREFIX.length);
      const domain = event as unknown as PersonMessagesEvent;
      const upsert = async (set: string, values: unknown[]) => {
        await tx.query(`INSERT INTO ${table} (applicant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [applicantId]);
        await tx.query(`UPDATE ${table} SET ${set} WHERE applicant_id = $1`, [applicantId, ...values]);
      };
      if (domain.type === 'email-address-noted') await upsert('email = $2, bounced_at = NULL, bounce_reason = NULL, bounced_message_id = NULL', [domain.data.email]);
      else if (domain.type === 'language-chosen') await upsert('language = $2', [domain.data.language]);
      else if (domain.type === 'email-bounced') await upsert('bounced_at = $2, bounce_reason = $3, bounced_message_id = $4', [domain.data.at, domain.data.reason, domain.data.messageId]);
      else if (domain.type === 'person-erased') await tx.query(`DELETE FROM ${table} WHERE applicant_id = $1`, [applicantId]);
    }
  },
};
