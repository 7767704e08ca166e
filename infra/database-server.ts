import pg from 'pg';
import { startEmbeddedDb, type RunningDb } from './embedded-db.js';
import { APPS, BUS_DATABASE, DATA_DIR, databaseUrl, EMBEDDED_PORT } from './single-node.js';

/**
 * The PostgreSQL server for a single node: DATABASE_URL when given (external),
 * else the embedded one under ./data. Creates the per-app databases if missing.
 */
export async function openDatabaseServer(log: (line: string) => void): Promise<RunningDb> {
  const external = process.env.DATABASE_URL;
  const server: RunningDb = external
    ? { url: external, stop: async () => undefined }
    : await startEmbeddedDb({ dataDir: DATA_DIR, port: EMBEDDED_PORT, database: 'postgres' });
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
