import pg from 'pg';
import { startEmbeddedDb, type RunningDb } from './embedded-db.js';
import { APPS, BUS_DATABASE, DATA_DIR, databaseUrl, EMBEDDED_PORT } from './single-node.js';

/**
 * The PostgreSQL server for a single node: DATABASE_URL when given (external),
 * else the embedded one under ./data. Creates the per-app databases if missing.
 */
export async function openDatabaseServer(log: (line: string) => void): Promise<RunningDb> {
  const external = process.env.DATABASE_URL;
  const server: RunningDb = external ? { url: external, stop: async () => undefined } : await startEmbeddedDb({ dataDir: DATA_DIR, port: EMBEDDED_PORT, database: 'postgres' });
  log(external ? `PostgreSQL: external (${new URL(external).host})` : `PostgreSQL: embedded, data in ${DATA_DIR}, port ${EMBEDDED_PORT}`);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    for (const database of [...APPS.map((a) => a.name), BUS_DATABASE]) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
    }
  } finally {
    await admin.end();
  }
  return { url: databaseUrl(server.url, 'postgres'), stop: server.stop };
}

/**
 * For one-off commands (rebuild, audit): DATABASE_URL when given, else the
 * single-node server `npm start` is running, else the embedded one started for
 * the command and stopped after it.
 */
export async function runningOrOwnServer(log: (line: string) => void): Promise<RunningDb> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const running = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  const probe = new pg.Client({ connectionString: running });
  try {
    await probe.connect();
    await probe.end();
    return { url: running, stop: async () => undefined };
  } catch {
    return openDatabaseServer(log);
  }
}
