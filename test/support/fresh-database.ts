import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * A new, empty database on the run's embedded PostgreSQL, so test files never share state;
 * or on `server`, a test's own PostgreSQL (one it stops and starts).
 */
export async function freshDatabase(prefix = 'test', base = process.env.TEST_DATABASE_URL): Promise<string> {
  if (!base) throw new Error('TEST_DATABASE_URL is not set: run tests through jest (global setup starts PostgreSQL)');
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client(base);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
