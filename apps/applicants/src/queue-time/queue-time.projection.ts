import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent, StreamEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { evolve, initialState, type ApplicantState } from '../applicant/applicant.decider.js';
import type { ApplicantEvent } from '../applicant/applicant.events.js';

const STREAM_PREFIX = 'applicant-';
const COLUMNS = ['applicant_id', 'status', 'queue_start_date', 'state', 'revision'] as const;

type Row = [id: string, status: string, queueStartDate: string | null, state: string, revision: bigint];

function rowOf(id: string, before: ApplicantState, events: readonly StreamEvent[]): Row | undefined {
  const state = events.reduce((s, e) => evolve(s, e as unknown as ApplicantEvent), before);
  if (state.status === 'none') return undefined;
  return [id, state.status, state.queueStartDate, JSON.stringify(state), events[events.length - 1].revision];
}

/**
 * Each account's queue state, folded with the decider's own `evolve`, so what is
 * shown is exactly what decisions were based on. One row per account: live, a
 * batch of events costs two statements; a rebuild writes each row once by COPY.
 */
export const queueTimeProjection: Projection<RecordedEvent> = {
  name: 'queue-time',
  table: 'applicants.queue_time',
  perStream: {
    streamPrefix: STREAM_PREFIX,
    columns: COLUMNS,
    row: (events) => rowOf(events[0].streamId.slice(STREAM_PREFIX.length), initialState, events),
  },

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
    const { rows } = await tx.query<{ applicant_id: string; state: ApplicantState; revision: string }>(`SELECT applicant_id, state, revision FROM ${table} WHERE applicant_id = ANY($1::uuid[])`, [
      ids,
    ]);
    const stored = new Map(rows.map((r) => [r.applicant_id, { state: r.state, revision: BigInt(r.revision) }]));
    const changed: Row[] = [];
    for (const [id, applicantEvents] of byApplicant) {
      const before = stored.get(id) ?? { state: initialState, revision: -1n };
      // Guarded by stream revision: an event folded before (redelivery, rebuild overlap) changes nothing.
      const fresh = applicantEvents.filter((e) => e.revision > before.revision);
      const row = fresh.length > 0 ? rowOf(id, before.state, fresh) : undefined;
      if (row) changed.push(row);
    }
    if (changed.length === 0) return;
    const column = (i: number) => changed.map((row) => row[i]?.toString() ?? null);
    await tx.query(
      `INSERT INTO ${table} (${COLUMNS.join(', ')})
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::jsonb[], $5::bigint[])
       ON CONFLICT (applicant_id) DO UPDATE SET status = excluded.status, queue_start_date = excluded.queue_start_date,
         state = excluded.state, revision = excluded.revision`,
      COLUMNS.map((_, i) => column(i)),
    );
  },
};
