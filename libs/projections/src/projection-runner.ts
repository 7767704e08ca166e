import type pg from 'pg';
import { type EventStore, type GlobalPosition, type RecordedEvent, type Subscription, comparePositions, START, supervise } from '@bostadsko/event-store';
import { loadCheckpoint, storeCheckpoint, inTransaction } from '@bostadsko/postgres';
import type { Projection } from './projection.js';

export const checkpointName = (projection: Projection<unknown>) => `projection:${projection.name}`;

export async function ensureProjectionTable(pool: pg.Pool, projection: Projection<unknown>): Promise<void> {
  await inTransaction(pool, async (tx) => {
    const [schema, table] = projection.table.split('.');
    const { rows } = await tx.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, table]);
    if (rows.length === 0) {
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await projection.createTable(tx, projection.table);
    }
  });
}

/**
 * Keeps a projection of the app's own event log current. Rows and checkpoint are
 * written in one transaction; the checkpoint is re-read under a row lock for
 * every batch, so a rebuild that swapped the table meanwhile is respected.
 * `onProgress` hears each position once its rows are committed (read your own writes).
 */
export async function runProjection(
  store: EventStore,
  pool: pg.Pool,
  projection: Projection<RecordedEvent>,
  onError: (error: unknown) => void,
  onProgress: (position: GlobalPosition) => void = () => {},
): Promise<Subscription> {
  await ensureProjectionTable(pool, projection);
  const name = checkpointName(projection);
  return supervise(async () => {
    const from = (await loadCheckpoint(pool, name)) ?? START;
    onProgress(from);
    return store.subscribeToAll({ from, batchSize: 1000 }, async (events) => {
      await inTransaction(pool, async (tx) => {
        const stored = (await loadCheckpoint(tx, name, true)) ?? START;
        const fresh = events.filter((e) => comparePositions(e.position, stored) > 0);
        if (fresh.length === 0) return;
        await projection.apply(tx, projection.table, fresh);
        await storeCheckpoint(tx, name, fresh[fresh.length - 1].position);
      });
      onProgress(events[events.length - 1].position);
    });
  }, onError);
}
