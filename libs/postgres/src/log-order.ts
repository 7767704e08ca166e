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
