import type { RunningDb } from '../../infra/embedded-db.js';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as RunningDb | undefined;
  await db?.stop();
}
