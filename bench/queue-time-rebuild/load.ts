import type pg from 'pg';
import { EVENTS_PER_SEEKER, insertEventsSql, logOrderSql } from './history.js';

/** A few hundred commits, as a log written over time has, rather than one giant transaction. */
const TRANSACTIONS = 300;
/** One per core: generating the rows is PostgreSQL's CPU work. */
const WRITERS = 2;

/**
 * Fills es.events with every seeker's history. The indexes other than the
 * primary key are dropped for the load and rebuilt from their own definitions
 * after it: sorting 10 million keys once is many times faster than inserting
 * them one by one in random order, and leaves the same indexes.
 */
export async function loadHistory(pool: pg.Pool, seekers: number, progress: (message: string) => void): Promise<number> {
  const events = seekers * EVENTS_PER_SEEKER;
  await planLogOrder(pool, seekers);
  progress('log order planned');
  const recreate = await dropSecondaryIndexes(pool);
  await insertInOrder(pool, seekers, events, progress);
  // Side by side: each build is mostly one backend's sort.
  await Promise.all(
    recreate.map(async (statement) => {
      await pool.query(`SET maintenance_work_mem = '1GB'; ${statement}`);
      progress(`rebuilt: ${statement}`);
    }),
  );
  await pool.query('DROP SCHEMA bench CASCADE');
  // Hint bits, visibility map and statistics as a long-lived log has them, and no load left to checkpoint mid-rebuild.
  await pool.query('VACUUM ANALYZE es.events');
  await pool.query('CHECKPOINT');
  return events;
}

async function planLogOrder(pool: pg.Pool, seekers: number): Promise<void> {
  await pool.query(`SET work_mem = '2GB';
    CREATE SCHEMA bench;
    CREATE UNLOGGED TABLE bench.log_order AS ${logOrderSql(seekers)};
    CREATE INDEX ON bench.log_order (seq);
    ANALYZE bench.log_order;
    RESET work_mem`);
}

/** Drops the unique constraints and plain indexes of es.events; returns the statements that recreate them. */
async function dropSecondaryIndexes(pool: pg.Pool): Promise<string[]> {
  const { rows: constraints } = await pool.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = 'es.events'::regclass AND contype = 'u'`,
  );
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
     WHERE indrelid = 'es.events'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)`,
  );
  for (const c of constraints) await pool.query(`ALTER TABLE es.events DROP CONSTRAINT "${c.name}"`);
  for (const i of indexes) await pool.query(`DROP INDEX ${i.name}`);
  return [...constraints.map((c) => `ALTER TABLE es.events ADD CONSTRAINT "${c.name}" ${c.definition}`), ...indexes.map((i) => i.definition)];
}

/**
 * The log is read in transaction-id order, so each transaction takes its id
 * (with pg_current_xact_id) in log order before the next one may start; the
 * inserts themselves then run side by side.
 */
async function insertInOrder(pool: pg.Pool, seekers: number, events: number, progress: (message: string) => void): Promise<void> {
  const sql = insertEventsSql(seekers);
  const perTransaction = Math.ceil(events / TRANSACTIONS);
  let next = 0;
  let committed = 0;
  let turn = Promise.resolve();
  const writer = async () => {
    const client = await pool.connect();
    try {
      await client.query('SET synchronous_commit = off');
      for (;;) {
        let chunk = 0;
        const claim = turn.then(async () => {
          chunk = next++;
          if (chunk < TRANSACTIONS) await client.query('BEGIN; SELECT pg_current_xact_id()');
        });
        turn = claim;
        await claim;
        if (chunk >= TRANSACTIONS) return;
        await client.query(sql, [chunk * perTransaction, Math.min(events, (chunk + 1) * perTransaction)]);
        await client.query('COMMIT');
        if (++committed % 30 === 0) progress(`${committed} of ${TRANSACTIONS} load transactions committed`);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}
