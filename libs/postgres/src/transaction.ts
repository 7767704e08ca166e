import type pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOn } from './data-source.js';

const sources = new WeakMap<pg.Pool, Promise<DataSource>>();

/** The pool's TypeORM data source without entities, made on first use; a failed start is forgotten, so the next call tries again. */
function transactionsOn(pool: pg.Pool): Promise<DataSource> {
  let source = sources.get(pool);
  if (!source) {
    source = dataSourceOn(pool);
    sources.set(pool, source);
    source.catch(() => sources.delete(pool));
  }
  return source;
}

/**
 * Work on one connection taken through a TypeORM query runner. The work gets the
 * runner's own pg client too: plain SQL and COPY, where speed needs them, go on the
 * same connection (and so in the same transaction) as what goes through the runner.
 */
export async function withQueryRunner<T>(pool: pg.Pool, work: (client: pg.PoolClient, runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = (await transactionsOn(pool)).createQueryRunner();
  const client = (await runner.connect()) as pg.PoolClient;
  try {
    return await work(client, runner);
  } finally {
    await runner.release();
  }
}

/** A transaction opened and ended through a TypeORM query runner. */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient, runner: QueryRunner) => Promise<T>): Promise<T> {
  return withQueryRunner(pool, async (client, runner) => {
    await runner.startTransaction();
    try {
      const result = await work(client, runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  });
}
