import type { Tx } from '../../../../libs/bus/src/bus.port.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/index.js';
import type { Projection } from '../../../../libs/projections/src/index.js';
import type { ApplicantEvent } from '../applicant/applicant.events.js';

/** Accounts and their queue start dates, for staff lists and lookups. No personal data. */
export const registryProjection: Projection<RecordedEvent> = {
  name: 'registry',
  table: 'applicants.registry',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      status text NOT NULL,
      queue_start_date date NOT NULL,
      registered_at timestamptz NOT NULL,
      revision bigint NOT NULL
    )`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const domain = event as unknown as RecordedEvent & ApplicantEvent;
      if (domain.type !== 'applicant-registered') continue;
      // Guarded by stream revision: replaying an event already applied changes nothing.
      await tx.query(
        `INSERT INTO ${table} AS r (applicant_id, status, queue_start_date, registered_at, revision)
         VALUES ($1, 'registered', $2, $3, $4)
         ON CONFLICT (applicant_id) DO UPDATE SET status = excluded.status, queue_start_date = excluded.queue_start_date,
           registered_at = excluded.registered_at, revision = excluded.revision
         WHERE r.revision < excluded.revision`,
        [domain.data.applicantId, domain.data.queueStartDate, domain.data.registeredAt, event.revision.toString()],
      );
    }
  },
};
