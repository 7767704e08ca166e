import type { Tx } from '../../../../libs/bus/src/bus.port.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/index.js';
import type { Projection } from '../../../../libs/projections/src/index.js';
import { evolve, initialState, type ApplicantState } from '../applicant/applicant.decider.js';
import type { ApplicantEvent } from '../applicant/applicant.events.js';

const STREAM_PREFIX = 'applicant-';

/**
 * Each account's queue state, folded with the decider's own `evolve`, so what is
 * shown is exactly what decisions were based on. One row per account; a batch of
 * events costs two statements, which a rebuild of millions of events needs.
 */
export const queueTimeProjection: Projection<RecordedEvent> = {
  name: 'queue-time',
  table: 'applicants.queue_time',
  perStream: true,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      status text NOT NULL,
      queue_start_date date,
      state jsonb NOT NULL,
      revision bigint NOT NULL
    )`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    const byApplicant = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith(STREAM_PREFIX)) continue;
      const id = event.streamId.slice(STREAM_PREFIX.length);
      const list = byApplicant.get(id);
      if (list) list.push(event);
      else byApplicant.set(id, [event]);
    }
    if (byApplicant.size === 0) return;
    const ids = [...byApplicant.keys()];
    const { rows } = await tx.query<{ applicant_id: string; state: ApplicantState; revision: string }>(
      `SELECT applicant_id, state, revision FROM ${table} WHERE applicant_id = ANY($1::uuid[])`,
      [ids],
    );
    const stored = new Map(rows.map((r) => [r.applicant_id, { state: r.state, revision: BigInt(r.revision) }]));
    const out = { ids: [] as string[], status: [] as string[], start: [] as (string | null)[], state: [] as string[], revision: [] as string[] };
    for (const [id, applicantEvents] of byApplicant) {
      const before = stored.get(id) ?? { state: initialState, revision: -1n };
      // Guarded by stream revision: an event folded before (redelivery, rebuild overlap) changes nothing.
      const fresh = applicantEvents.filter((e) => e.revision > before.revision);
      if (fresh.length === 0) continue;
      const state = fresh.reduce((s, e) => evolve(s, e as unknown as ApplicantEvent), before.state);
      if (state.status === 'none') continue;
      out.ids.push(id);
      out.status.push(state.status);
      out.start.push(state.queueStartDate);
      out.state.push(JSON.stringify(state));
      out.revision.push(fresh[fresh.length - 1].revision.toString());
    }
    if (out.ids.length === 0) return;
    await tx.query(
      `INSERT INTO ${table} (applicant_id, status, queue_start_date, state, revision)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::jsonb[], $5::bigint[])
       ON CONFLICT (applicant_id) DO UPDATE SET status = excluded.status, queue_start_date = excluded.queue_start_date,
         state = excluded.state, revision = excluded.revision`,
      [out.ids, out.status, out.start, out.state, out.revision],
    );
  },
};
