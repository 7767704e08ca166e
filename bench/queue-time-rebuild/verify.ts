import type pg from 'pg';
import { queueTimeProjection } from '../../apps/applicants/src/queue-time/queue-time.projection.js';
import type { FloorResult } from './floor.js';

/**
 * The rebuilt table against the floor's in-memory fold: one row per seeker, the
 * same count per status, and for a sample the same status, queue start date and
 * last revision. Throws on any difference: figures of a wrong rebuild mean nothing.
 */
export async function verifyRebuild(pool: pg.Pool, seekers: number, { countByStatus: expected, sample: folded }: FloorResult): Promise<number> {
  const table = queueTimeProjection.table;
  const { rows: counts } = await pool.query<{ status: string; count: number }>(`SELECT status, count(*)::int AS count FROM ${table} GROUP BY status`);
  const rebuilt = Object.fromEntries(counts.map((r) => [r.status, r.count]));
  const sample = [...folded.keys()];
  const total = counts.reduce((sum, r) => sum + r.count, 0);
  const foldedTotal = Object.values(expected).reduce((sum, n) => sum + n, 0);
  if (total !== seekers || foldedTotal !== seekers || JSON.stringify(sortKeys(rebuilt)) !== JSON.stringify(sortKeys(expected))) {
    throw new Error(`rebuilt ${total} rows ${JSON.stringify(rebuilt)}, folded ${foldedTotal} ${JSON.stringify(expected)}, seekers ${seekers}`);
  }
  const { rows } = await pool.query<{ applicant_id: string; status: string; queue_start_date: string | null; revision: string }>(
    `SELECT applicant_id, status, queue_start_date::text, revision FROM ${table} WHERE applicant_id = ANY($1::uuid[])`,
    [sample],
  );
  if (rows.length !== sample.length) throw new Error(`sampled ${sample.length} applicants, found ${rows.length} rows`);
  for (const row of rows) {
    const { state, revision } = folded.get(row.applicant_id)!;
    const start = state.status === 'none' ? null : state.queueStartDate;
    if (row.status !== state.status || row.queue_start_date !== start || Number(row.revision) !== revision) {
      throw new Error(`applicant ${row.applicant_id}: rebuilt ${JSON.stringify(row)}, folded ${JSON.stringify({ status: state.status, start, revision })}`);
    }
  }
  return rows.length;
}

function sortKeys(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
