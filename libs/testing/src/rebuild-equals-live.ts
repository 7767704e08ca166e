import { expect } from '@jest/globals';
import type pg from 'pg';
import { comparePositions } from '@bostadsko/event-store';
import { earlierTransactionsEnded, loadCheckpoint, type Position } from '@bostadsko/postgres';
import { rebuildProjection, type ProjectionSource } from '@bostadsko/projections';
import type { Infrastructure, RebuildTarget, RebuildTargets } from '@bostadsko/runtime';

/**
 * The check every app runs once its tests have driven its live projections through the
 * real commands: for each projection named (by default every one in the app's rebuild
 * registry, what `npm run rebuild` offers), wait until the live runner or consumer has applied the whole
 * log, take the live table, rebuild it from position 0 the way `npm run rebuild` does
 * (a fresh table swapped in, the by-stream copy included), and require the same rows.
 *
 * Rows are compared as sets: a projection owes no row order. A live table with no row
 * fails too, since then the comparison would prove nothing.
 */
export async function expectRebuildToEqualLive(infra: Infrastructure, targets: RebuildTargets, names: readonly string[] = Object.keys(targets), timeoutMs = 30_000): Promise<void> {
  for (const name of names) {
    if (!(name in targets)) throw new Error(`${name} is not in the app's rebuild registry (${Object.keys(targets).join(', ')})`);
    const target = await targets[name](infra);
    await caughtUp(infra.pool, name, target, timeoutMs);
    const live = await rowsOf(infra.pool, target.projection.table);
    expect({ name, liveRows: live.length > 0 }).toEqual({ name, liveRows: true });
    await rebuildProjection(infra.pool, target.projection, target.source, { checkpoint: target.checkpoint });
    expect({ name, rows: await rowsOf(infra.pool, target.projection.table) }).toEqual({ name, rows: live });
  }
}

/** The position of the last item the source holds, read as the rebuild will read it. */
async function lastPosition(source: ProjectionSource<unknown>): Promise<Position | undefined> {
  let last: Position | undefined;
  for (;;) {
    const batch = await source.read(last, 5000);
    if (batch.length === 0) return last;
    last = batch[batch.length - 1].position;
  }
}

/** How far the live side has applied: the projection's checkpoint, or the bus consumer group's offset. */
async function appliedUpTo(pool: pg.Pool, name: string, target: RebuildTarget): Promise<Position | undefined> {
  if (target.checkpoint) return loadCheckpoint(pool, target.checkpoint);
  if (!target.replay) throw new Error(`${name}: a rebuild target with neither a checkpoint nor a consumer group cannot be compared with its live table`);
  const { rows } = await pool.query<{ transaction_id: string; position: string }>('SELECT transaction_id, position FROM bus.consumer_offsets WHERE consumer_group = $1', [target.replay.group]);
  return rows[0] ? { commit: BigInt(rows[0].transaction_id), prepare: BigInt(rows[0].position) } : undefined;
}

async function caughtUp(pool: pg.Pool, name: string, target: RebuildTarget, timeoutMs: number): Promise<void> {
  // Else an append the tests made could still be hidden by an older transaction, and the rebuild, reading later, would see more than the live side was compared at.
  await earlierTransactionsEnded(pool);
  const head = await lastPosition(target.source);
  if (!head) throw new Error(`${name}: its source is empty, so the tests before this drove nothing into it`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const applied = await appliedUpTo(pool, name, target);
    if (applied && comparePositions(applied, head) >= 0) return;
    if (Date.now() > until) throw new Error(`${name}: the live side did not reach the end of its source within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every row as JSON with its columns by name (a migration may have added one at the end), in one order whatever order PostgreSQL returns them in. */
async function rowsOf(pool: pg.Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
  return rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))).sort();
}
