// Plain JS: jest loads global setup outside its ESM module mapping, so this uses
// the compiled infra code (`npm test` builds first).
import { existsSync, rmSync } from 'node:fs';
import { startTestKafka } from './test-kafka.mjs';

const COMPILED = new URL('../../dist/infra/', import.meta.url);

/** One real PostgreSQL for the whole run; each test file creates its own database in it. */
async function startTestDatabase() {
  if (process.env.TEST_DATABASE_URL) return;
  const { startEmbeddedDb } = await import(new URL('embedded-db.js', COMPILED).href);
  const { freePort } = await import(new URL('free-port.js', COMPILED).href);
  const dataDir = `./data/test-pg-${process.pid}`;
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedDb({ dataDir, port: await freePort(), database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url;
  globalThis.__EMBEDDED_PG__ = { db, dataDir };
}

export default async function globalSetup() {
  if (!existsSync(COMPILED)) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  await Promise.all([startTestDatabase(), startTestKafka(COMPILED)]);
}
