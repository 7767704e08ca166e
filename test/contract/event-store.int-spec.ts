import { rmSync } from 'node:fs';
import pg from 'pg';
import { InMemoryEventStore, PostgresEventStore, EVENT_STORE_MIGRATIONS, type NewEvent, appendSql } from '@bostadsko/event-store';
import { migrate } from '@bostadsko/postgres';
import { startEmbeddedDb, type EmbeddedDb } from '../../infra/embedded-db.js';
import { freePort } from '../../infra/free-port.js';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';

eventStoreContract(
  'in-memory',
  async () => {
    const store = new InMemoryEventStore();
    // A closed in-memory store keeps its log: it is its own second store.
    return { store, reopen: () => store, dispose: async () => undefined };
  },
  { heldAppends: 'no transactions in memory', outage: 'no server to lose' },
);

/** The PostgreSQL cases run on a server of their own, which the outage case stops and starts. */
const dataDir = `./data/contract-es-${process.pid}`;
let server: Promise<EmbeddedDb> | undefined;
const ownServer = async () => {
  server ??= (async () => {
    rmSync(dataDir, { recursive: true, force: true });
    return startEmbeddedDb({ dataDir, port: await freePort(), database: 'postgres' });
  })();
  return server;
};
afterAll(async () => {
  await (await server)?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

eventStoreContract(
  'PostgreSQL',
  async () => {
    const db = await ownServer();
    const pool = new pg.Pool({ connectionString: await freshDatabase('es', db.url), max: 20 });
    // A connection the outage drops is reported to the pool's listeners, and the pool replaces it.
    pool.on('error', () => undefined);
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
      outage: { stop: () => db.stop(), start: () => db.start() },
      reopen: () => new PostgresEventStore(pool, { pollIntervalMs: 20 }),
      dispose: async () => {
        await store.close();
        await pool.end();
      },
    };
  },
  {},
);

describe('PostgreSQL event store: global order', () => {
  test('transaction ids compare as numbers across a decimal digit boundary (999 < 1000)', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase('esorder') });
    await migrate(pool, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore(pool);
    const { rows } = await pool.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    const boundary = 10 ** String(rows[0].xid).length;
    // Each committed loop step consumes one transaction id.
    await pool.query(`DO $$ BEGIN FOR i IN 1..${boundary - Number(rows[0].xid) - 4} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    for (let i = 0; i < 8; i++) await store.append(`order-${i}`, [newEvent('ordered', { i })], 'no_stream');
    const all = await store.readAll({ limit: 100 });
    expect(all[0].position.commit).toBeLessThan(BigInt(boundary));
    expect(all[all.length - 1].position.commit).toBeGreaterThanOrEqual(BigInt(boundary));
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await pool.end();
  });
});

describe('PostgreSQL event store: the head of the log', () => {
  test('includes an append committed while an older, unrelated transaction was still open: what a close needs to leave no application out', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase('eshead') });
    await migrate(pool, EVENT_STORE_MIGRATIONS);
    await pool.query('CREATE TABLE unrelated (n int)');
    const store = new PostgresEventStore(pool);
    const older = await pool.connect();
    await older.query('BEGIN');
    await older.query('INSERT INTO unrelated VALUES (1)');
    const { position } = await store.append('head-1', [newEvent('applied', {})], 'no_stream');
    const head = store.headPosition();
    // Commit only once the head has been asked of the server, so that a head read at once could not see the append.
    await eventually(
      () =>
        pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_current_snapshot%'`).then((r) => r.rows[0].n),
      (n) => n > 0,
    );
    await older.query('COMMIT');
    older.release();
    expect(await head).toEqual(position);
    await pool.end();
  });
});
