import type pg from 'pg';
import { storeCheckpoint, type Position } from '../../postgres/src/checkpoints.js';
import { inTransaction } from '../../postgres/src/transaction.js';
import type { Projection, ProjectionSource, StreamCursor } from './projection.js';

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
  readonly perSecond: number;
  readonly share: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  /** Called about once a second and at the end. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Checkpoint to set after the swap (event-log projections); absent for bus-fed ones. */
  readonly checkpoint?: string;
}

export interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly position: Position | undefined;
}

/**
 * Fills a fresh table from the start of the log, then swaps it in atomically:
 * under an exclusive lock on the live table it folds the tail that arrived
 * meanwhile and renames. Readers see the old table or the new, never a half one.
 */
export async function rebuildProjection<T>(
  pool: pg.Pool,
  projection: Projection<T>,
  source: ProjectionSource<T>,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 5000;
  const [schema, liveName] = projection.table.split('.');
  const fresh = `${schema}.${liveName}_rebuild`;
  await inTransaction(pool, async (tx) => {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.query(`DROP TABLE IF EXISTS ${fresh}`);
    await projection.createTable(tx, fresh);
  });

  const total = await source.count();
  const started = performance.now();
  let done = 0;
  let position: Position | undefined;
  let lastReport = started;
  const report = (force = false) => {
    const now = performance.now();
    if (!force && now - lastReport < 1000) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    options.onProgress?.({ done, total: Math.max(total, done), perSecond: seconds > 0 ? done / seconds : 0, share: total > 0 ? Math.min(done / total, 1) : 1 });
  };

  const fold = async (db: pg.ClientBase) => {
    for (;;) {
      const batch = await source.read(position, batchSize);
      if (batch.length === 0) return;
      await projection.apply(db, fresh, batch.map((b) => b.item));
      position = batch[batch.length - 1].position;
      done += batch.length;
      report();
    }
  };

  /**
   * The log up to a head position is final (everything below the oldest running
   * transaction), so it may be read in any order a per-stream projection allows;
   * the tail after the head is folded in log order like any other.
   */
  const foldByStream = async (db: pg.ClientBase) => {
    const byStream = source.byStream;
    const head = byStream && projection.perStream ? await byStream.head() : undefined;
    if (!byStream || !head) return;
    let cursor: StreamCursor | undefined;
    for (;;) {
      const page = await byStream.read(head, cursor, batchSize);
      if (page.items.length === 0) break;
      await projection.apply(db, fresh, page.items);
      cursor = page.cursor;
      done += page.items.length;
      report();
    }
    position = head;
  };

  const client = await pool.connect();
  try {
    await foldByStream(client);
    await fold(client);
    await client.query('BEGIN');
    await client.query(`CREATE TABLE IF NOT EXISTS ${projection.table} (LIKE ${fresh})`);
    await client.query(`LOCK TABLE ${projection.table} IN ACCESS EXCLUSIVE MODE`);
    await fold(client);
    await client.query(`DROP TABLE ${projection.table}`);
    await client.query(`ALTER TABLE ${fresh} RENAME TO ${liveName}`);
    if (options.checkpoint && position) await storeCheckpoint(client, options.checkpoint, position);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  report(true);
  return { events: done, seconds: (performance.now() - started) / 1000, position };
}

