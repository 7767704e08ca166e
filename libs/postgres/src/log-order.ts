/** A pool, or a store's own way of querying it (which names its errors). */
interface Statements {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Shared by the event log and the bus log: order by (writing transaction, sequence)
 * and read only below the oldest running transaction, so rows committed late are
 * neither skipped nor read out of order. The table is aliased `log`; $1 = xid8 as text, $2 = sequence.
 */
export const AFTER_POSITION_VISIBLE = `(log.transaction_id, log.position) > ($1::text::xid8, $2::bigint)
  AND log.transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

/** Qualified by table alias `log`: an output column `transaction_id::text` would otherwise sort as text. */
export const LOG_ORDER = 'ORDER BY log.transaction_id, log.position';

export function positionParams(after: { commit: bigint; prepare: bigint } | undefined): [string, string] {
  return [after && after.commit > 0n ? after.commit.toString() : '0', after && after.prepare > 0n ? after.prepare.toString() : '0'];
}

/**
 * Returns once every transaction running at the call has ended, so that a read of
 * the log after it sees everything committed before the call: the visibility rule
 * above hides a committed append behind any older transaction still running, even
 * one that never touches the log. A transaction open longer than `timeoutMs` is an
 * error here rather than a wait without end.
 */
export async function earlierTransactionsEnded(pool: Statements, timeoutMs = 30_000): Promise<void> {
  const { rows } = await pool.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows: now } = await pool.query<{ ended: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::text::xid8 AS ended', [rows[0].xmax]);
    if (now[0].ended) return;
    if (Date.now() > until) throw new Error(`a transaction older than ${rows[0].xmax} has run for over ${timeoutMs} ms; the log's end is not final until it ends`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
