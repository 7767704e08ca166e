import { rmSync } from 'node:fs';
import { stopTestKafka } from './test-kafka.mjs';

async function stopTestDatabase() {
  const started = globalThis.__EMBEDDED_PG__;
  if (!started) return;
  await started.db.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
}

export default async function globalTeardown() {
  await Promise.all([stopTestDatabase(), stopTestKafka()]);
}
