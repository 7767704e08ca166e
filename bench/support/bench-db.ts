import { rm } from 'node:fs/promises';
import pg from 'pg';
import { startEmbeddedDb } from '../../infra/embedded-db.js';

export interface BenchDb {
  /** Connection string of one of the databases asked for. */
  url(database: string): string;
  stop(): Promise<void>;
}

/**
 * A fresh cluster per run, so figures never depend on what an earlier run left,
 * with one database per system under test so their tables, caches and
 * autovacuum do not mix.
 */
export async function startBenchDb(name: string, port: number, databases: readonly string[]): Promise<BenchDb> {
  const dataDir = `./data/bench-${name}`;
  await rm(dataDir, { recursive: true, force: true });
  const [first, ...others] = databases;
  const db = await startEmbeddedDb({ dataDir, port, database: first });
  try {
    const admin = new pg.Client(db.url);
    await admin.connect();
    try {
      for (const database of others) await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await db.stop();
    throw error;
  }
  return {
    url: (database) => {
      const url = new URL(db.url);
      url.pathname = `/${database}`;
      return url.toString();
    },
    stop: () => db.stop(),
  };
}

/** A pool of exactly `size` connections, so concurrency is not capped by pg's default of 10. */
export function sizedPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size });
  // An idle connection dropped while the cluster stops must not crash the run.
  pool.on('error', () => undefined);
  return pool;
}
