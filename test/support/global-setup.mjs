// Plain JS: jest loads global setup outside its ESM module mapping, so this uses
// the compiled infra code (`npm test` builds first).
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const COMPILED = new URL('../../dist/infra/embedded-db.js', import.meta.url);

/** A port nobody listens on, so parallel runs on one machine do not collide. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** One real PostgreSQL for the whole run; each test file creates its own database in it. */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (!existsSync(COMPILED)) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  const { startEmbeddedDb } = await import(COMPILED.href);
  const dataDir = `./data/test-pg-${process.pid}`;
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedDb({ dataDir, port: await freePort(), database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url;
  globalThis.__EMBEDDED_PG__ = { db, dataDir };
}
