/**
 * Shared by the event log and the bus log: order by (writing transaction, sequence)
 * and read only below the oldest running transaction, so rows committed late are
 * neither skipped nor read out of order. $1 = xid8 as text, $2 = sequence.
 */
export const AFTER_POSITION_VISIBLE = `(transaction_id, position) > ($1::text::xid8, $2::bigint)
  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

export const LOG_ORDER = 'ORDER BY transaction_id, position';

export function positionParams(after: { commit: bigint; prepare: bigint } | undefined): [string, string] {
  return [
    after && after.commit > 0n ? after.commit.toString() : '0',
    after && after.prepare > 0n ? after.prepare.toString() : '0',
  ];
}
