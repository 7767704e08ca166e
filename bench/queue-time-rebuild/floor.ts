import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { evolve, initialState, type ApplicantState } from '../../apps/applicants/src/applicant/applicant.decider.js';
import type { ApplicantEvent } from '../../apps/applicants/src/applicant/applicant.events.js';
import { LOG_ORDER } from '../../libs/postgres/src/log-order.js';
import { binaryRows, copyOut } from '../../libs/postgres/src/copy-out.js';

const STREAM_PREFIX = 'applicant-';

/** What the projection keeps per applicant, here in memory. */
export interface FoldedApplicant {
  readonly state: ApplicantState;
  readonly revision: number;
}

export interface FloorResult {
  readonly events: number;
  readonly seconds: number;
  readonly applicants: ReadonlyMap<string, FoldedApplicant>;
}

/**
 * The least any rebuild must do: the same events in the same order out of
 * PostgreSQL, parsed and folded with the same `evolve`, nothing written. Binary
 * COPY, so no text escaping has to be undone and jsonb arrives as its JSON text.
 */
const COPY_SQL = `COPY (SELECT stream_id, revision, type, data FROM es.events log
  WHERE log.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${LOG_ORDER}) TO STDOUT (FORMAT binary)`;

export async function measureFloor(pool: pg.Pool, progress: (message: string) => void): Promise<FloorResult> {
  const applicants = new Map<string, FoldedApplicant>();
  let events = 0;
  const fold = (streamId: string, revision: number, type: string, data: unknown) => {
    events++;
    if (events % 2_000_000 === 0) progress(`floor: ${events.toLocaleString('en-US')} events folded`);
    if (!streamId.startsWith(STREAM_PREFIX)) return;
    const id = streamId.slice(STREAM_PREFIX.length);
    const state = evolve(applicants.get(id)?.state ?? initialState, { type, data } as ApplicantEvent);
    if (state.status !== 'none') applicants.set(id, { state, revision });
  };
  const onRow = binaryRows((chunk, f) => {
    // jsonb's binary form is a version byte, then the JSON text.
    fold(chunk.toString('utf8', f[0], f[1]), Number(chunk.readBigInt64BE(f[2])), chunk.toString('utf8', f[4], f[5]), JSON.parse(chunk.toString('utf8', f[6] + 1, f[7])));
  }, 4);

  const client = await pool.connect();
  try {
    const started = performance.now();
    await copyOut(client, COPY_SQL, onRow);
    return { events, seconds: (performance.now() - started) / 1000, applicants };
  } finally {
    client.release();
  }
}
