import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__EMBEDDED_PG__;
  if (!started) return;
  await started.db.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
}
