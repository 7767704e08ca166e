import type pg from 'pg';
import { storeCheckpoint, type Position, inTransaction, copyIn, withQueryRunner } from '@bostadsko/postgres';
import type { StreamEvent } from '@bostadsko/event-store';
import type { Projection, ProjectionSource } from './projection.js';

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
export async function rebuildProjection<T>(pool: pg.Pool, projection: Projection<T>, source: ProjectionSource<T>, options: RebuildOptions = {}): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 5000;
  const [schema, liveName] = projection.table.split('.');
  const fresh = `${schema}.${liveName}_rebuild`;
  await inTransaction(pool, async (tx) => {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.query(`DROP TABLE IF EXISTS ${fresh}`);
    await projection.createTable(tx, fresh);
  });

  // Only for the progress report (a failed count shows as none): counting a large log takes seconds, so it runs beside the rebuild.
  let total = 0;
  const counted = source.count().then(
    (n) => (total = n),
    () => undefined,
  );
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
      await projection.apply(
        db,
        fresh,
        batch.map((b) => b.item),
      );
      position = batch[batch.length - 1].position;
      done += batch.length;
      report();
    }
  };

  /**
   * The log up to a head position is final (everything below the oldest running
   * transaction), so a per-stream projection may read it stream by stream and
   * write each row once; the tail after the head is folded in log order like any
   * other. The rows go through a second connection, so PostgreSQL writes them
   * while this process parses and folds the next streams.
   */
  const copyByStream = async () => {
    const rows = projection.perStream;
    const byStream = source.byStream;
    const head = rows && byStream ? await byStream.head() : undefined;
    if (!rows || !byStream || !head) return;
    await withQueryRunner(pool, async (writer) => {
      const sink = copyIn(writer, fresh, rows.columns);
      let stream: StreamEvent[] = [];
      const emit = () => {
        const row = rows.row(stream);
        stream = [];
        return row && sink.add(row);
      };
      await byStream.copy(head, rows.streamPrefix, (event) => {
        done++;
        if ((done & 0xffff) === 0) report();
        const wait = stream.length > 0 && stream[0].streamId !== event.streamId ? emit() : undefined;
        stream.push(event);
        return wait;
      });
      if (stream.length > 0) await emit();
      await sink.end();
    });
    position = head;
  };

  await copyByStream();
  await withQueryRunner(pool, (client) => fold(client));
  // The tail that came meanwhile, and the swap, under the live table's lock: one transaction.
  await inTransaction(pool, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS ${projection.table} (LIKE ${fresh})`);
    await client.query(`LOCK TABLE ${projection.table} IN ACCESS EXCLUSIVE MODE`);
    await fold(client);
    await client.query(`DROP TABLE ${projection.table}`);
    await client.query(`ALTER TABLE ${fresh} RENAME TO ${liveName}`);
    if (options.checkpoint && position) await storeCheckpoint(client, options.checkpoint, position);
  });
  await counted;
  report(true);
  return { events: done, seconds: (performance.now() - started) / 1000, position };
}
