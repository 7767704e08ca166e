import pg from 'pg';
import { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS } from '@bostadsko/bus';
import { EVENT_STORE_MIGRATIONS } from '@bostadsko/event-store';
import { CHECKPOINT_MIGRATIONS, type Migration } from '@bostadsko/postgres';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { createInfrastructure } from './infrastructure.js';
import { TRAINING_CLOCK_MIGRATIONS } from './training-clock.follower.js';

/** The hand-written runner that came before TypeORM, as it was (ec40aec), to make the database an earlier `npm start` left. */
async function formerMigrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE IF NOT EXISTS platform.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const migration of migrations) {
      await client.query('BEGIN');
      await client.query(migration.sql);
      await client.query('INSERT INTO platform.schema_migrations (id) VALUES ($1)', [migration.id]);
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
}

const ALL = [...CHECKPOINT_MIGRATIONS, ...CONSUMER_MIGRATIONS, ...BUS_OFFSET_MIGRATIONS, ...EVENT_STORE_MIGRATIONS, ...TRAINING_CLOCK_MIGRATIONS, ...BUS_LOG_MIGRATIONS];

test('an app starts on a database the former runner migrated: TypeORM records what it had applied and runs none of it again', async () => {
  const url = await freshDatabase('carried_over');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await formerMigrate(pool, ALL);
    // Its migrations are not idempotent (CREATE TABLE es.events ...): running one again would fail the start.
    const infra = await createInfrastructure({ app: 'carried-over', databaseUrl: url });
    await infra.close();
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM platform.typeorm_migrations ORDER BY name');
    expect(rows.map((r) => r.name.slice(0, -14)).sort()).toEqual(ALL.map((m) => m.id).sort());
  } finally {
    await pool.end();
  }
});
