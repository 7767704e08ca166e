import { rmSync } from 'node:fs';
import { startEmbeddedDb } from '../../infra/embedded-db.js';

const DATA_DIR = './data/test-pg';

/** One real PostgreSQL for the whole run; each test file creates its own database in it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  rmSync(DATA_DIR, { recursive: true, force: true });
  const port = Number(process.env.TEST_PG_PORT ?? 54330);
  const db = await startEmbeddedDb({ dataDir: DATA_DIR, port, database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = db;
}
