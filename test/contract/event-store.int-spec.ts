import pg from 'pg';
import { InMemoryEventStore, PostgresEventStore, EVENT_STORE_MIGRATIONS, type NewEvent } from '../../libs/event-store/src/index.js';
import { appendSql } from '../../libs/event-store/src/postgres/append.sql.js';
import { migrate } from '../../libs/postgres/src/migrations.js';
import { freshDatabase } from '../support/fresh-database.js';
import { eventStoreContract } from './event-store.contract.js';

eventStoreContract('in-memory', async () => ({ store: new InMemoryEventStore(), dispose: async () => undefined }));

eventStoreContract('PostgreSQL', async () => {
  const pool = new pg.Pool({ connectionString: await freshDatabase('es'), max: 20 });
  await migrate(pool, EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  const appendHeld = async (streamId: string, events: NewEvent[]) => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query(appendSql('no_stream'), [
      streamId,
      null,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ]);
    return {
      commit: async () => {
        await client.query('COMMIT');
        client.release();
      },
    };
  };
  return {
    store,
    appendHeld,
    dispose: async () => {
      await store.close();
      await pool.end();
    },
  };
});
