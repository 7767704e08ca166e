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

/** int8, json and jsonb: the parsers a library may replace process-wide (dumbo, under emmett, does). */
const DEFAULT_TEXT_PARSERS = new Map([20, 114, 3802].map((oid) => [oid, pg.types.getTypeParser(oid, 'text')]));

/** pg's parsers as they were before any library touched them: what the application runs with. */
const PG_DEFAULT_TYPES: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (format === 'binary' ? undefined : DEFAULT_TEXT_PARSERS.get(oid)) ?? pg.types.getTypeParser(oid, format),
};

/**
 * A pool of exactly `size` connections, so concurrency is not capped by pg's
 * default of 10; `types` decides how rows are parsed.
 */
export function sizedPool(url: string, size: number, types: pg.CustomTypesConfig = PG_DEFAULT_TYPES): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, types });
  // An idle connection dropped while the cluster stops must not crash the run.
  pool.on('error', () => undefined);
  return pool;
}
