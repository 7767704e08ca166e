// Plain JS: jest loads global setup outside its ESM module mapping, so this uses
// the compiled infra code (`npm test` builds first).
import { existsSync, rmSync } from 'node:fs';

const DATA_DIR = './data/test-pg';
const COMPILED = new URL('../../dist/infra/embedded-db.js', import.meta.url);

/** One real PostgreSQL for the whole run; each test file creates its own database in it. */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (!existsSync(COMPILED)) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  const { startEmbeddedDb } = await import(COMPILED.href);
  rmSync(DATA_DIR, { recursive: true, force: true });
  const port = Number(process.env.TEST_PG_PORT ?? 54330);
  const db = await startEmbeddedDb({ dataDir: DATA_DIR, port, database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url;
  globalThis.__EMBEDDED_PG__ = db;
}
