import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { evolve, initialState, type ApplicantState } from '../../apps/applicants/src/applicant/applicant.decider.js';
import type { ApplicantEvent } from '../../apps/applicants/src/applicant/applicant.events.js';
import { binaryRows, copyOut, repeatedText } from '@bostadsko/postgres';

const STREAM_PREFIX = 'applicant-';
/** Every this-many-th applicant's fold is kept for the row-by-row comparison. */
const SAMPLE_EVERY = 1_000;

export interface FoldedApplicant {
  readonly state: ApplicantState;
  readonly revision: number;
}

export interface FloorResult {
  readonly events: number;
  readonly seconds: number;
  readonly countByStatus: Readonly<Record<string, number>>;
  readonly sample: ReadonlyMap<string, FoldedApplicant>;
}

/**
 * The least any rebuild must do: the same events out of PostgreSQL in the same
 * order as the rebuild reads them (stream by stream, one binary COPY), parsed
 * and folded with the same `evolve`, nothing written and nothing kept but a
 * count per status and a sample to check the rebuilt table against.
 */
const COPY_SQL = `COPY (SELECT stream_id, revision, type, data FROM es.events log
  WHERE log.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AND log.stream_id LIKE '${STREAM_PREFIX}%'
  ORDER BY log.stream_id, log.revision) TO STDOUT (FORMAT binary)`;

export async function measureFloor(pool: pg.Pool, progress: (message: string) => void): Promise<FloorResult> {
  const countByStatus: Record<string, number> = {};
  const sample = new Map<string, FoldedApplicant>();
  let events = 0;
  let streams = 0;
  let current: { streamId: string; state: ApplicantState; revision: number } | undefined;
  const finish = () => {
    if (!current || current.state.status === 'none') return;
    countByStatus[current.state.status] = (countByStatus[current.state.status] ?? 0) + 1;
    if (streams++ % SAMPLE_EVERY === 0) sample.set(current.streamId.slice(STREAM_PREFIX.length), { state: current.state, revision: current.revision });
  };
  const streamIdOf = repeatedText();
  const onRow = binaryRows((chunk, f) => {
    events++;
    if (events % 2_000_000 === 0) progress(`floor: ${events.toLocaleString('en-US')} events folded`);
    const streamId = streamIdOf(chunk, f[0], f[1]);
    if (current?.streamId !== streamId) {
      finish();
      current = { streamId, state: initialState, revision: -1 };
    }
    const type = chunk.toString('utf8', f[4], f[5]);
    // jsonb's binary form is a version byte, then the JSON text.
    const data: unknown = JSON.parse(chunk.toString('utf8', f[6] + 1, f[7]));
    current.state = evolve(current.state, { type, data } as ApplicantEvent);
    current.revision = Number(chunk.readBigInt64BE(f[2]));
  }, 4);

  const client = await pool.connect();
  try {
    const started = performance.now();
    await copyOut(client, COPY_SQL, onRow);
    finish();
    return { events, seconds: (performance.now() - started) / 1000, countByStatus, sample };
  } finally {
    client.release();
  }
}
