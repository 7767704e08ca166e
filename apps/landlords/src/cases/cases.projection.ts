import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { evolveCase, initialCase, type CaseState } from './case.decider.js';
import { CASE_STREAM_PREFIX, type CaseEvent } from './case.events.js';

const CASES_TABLE = 'landlords.cases';

/** The case lists (a landlord's own, the staff's open ones): one row per case, guarded by stream revision. */
export const casesProjection: Projection<RecordedEvent> = {
  name: 'cases',
  table: CASES_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      case_id uuid PRIMARY KEY,
      landlord_id uuid NOT NULL,
      category text NOT NULL,
      subject text NOT NULL,
      status text NOT NULL,
      registered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      state jsonb NOT NULL,
      revision bigint NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (landlord_id, registered_at)`);
    await tx.query(`CREATE INDEX ON ${table} (status, registered_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) continue;
      const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
      const { rows } = await tx.query<{ state: CaseState; revision: string }>(`SELECT state, revision FROM ${table} WHERE case_id = $1`, [caseId]);
      if (rows[0] && BigInt(rows[0].revision) >= event.revision) continue;
      const state = evolveCase(rows[0]?.state ?? initialCase, event as unknown as CaseEvent);
      if (state.status === 'none') continue;
      await tx.query(
        `INSERT INTO ${table} (case_id, landlord_id, category, subject, status, registered_at, updated_at, state, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)
         ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, state = excluded.state, revision = excluded.revision`,
        [caseId, state.landlordId, state.category, state.subject, state.status, event.recordedAt, JSON.stringify(state), event.revision.toString()],
      );
    }
  },
};
