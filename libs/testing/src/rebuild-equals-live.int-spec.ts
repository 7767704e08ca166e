import { randomUUID } from 'node:crypto';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import type { RecordedEvent, Subscription } from '@bostadsko/event-store';
import { checkpointName, eventLogSource, runProjection, type Projection } from '@bostadsko/projections';
import { createInfrastructure, type Infrastructure, type RebuildTargets } from '@bostadsko/runtime';
import { expectRebuildToEqualLive } from './rebuild-equals-live.js';

/** Events per stream: the same whether applied live in batches or replayed. */
const counts: Projection<RecordedEvent> = {
  name: 'counts',
  table: 'helper.counts',
  async createTable(tx, table) {
    await tx.query(`CREATE TABLE ${table} (stream_id text PRIMARY KEY, events int NOT NULL)`);
  },
  async apply(tx, table, events) {
    for (const e of events.filter((e) => e.streamId.startsWith('thing-'))) {
      await tx.query(`INSERT INTO ${table} VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET events = ${table}.events + 1`, [e.streamId]);
    }
  },
};

/** A projection that is not a function of the log: it stamps the time it ran, so a rebuild cannot reproduce it. */
const stamped: Projection<RecordedEvent> = {
  name: 'stamped',
  table: 'helper.stamped',
  async createTable(tx, table) {
    await tx.query(`CREATE TABLE ${table} (stream_id text PRIMARY KEY, applied_at timestamptz NOT NULL)`);
  },
  async apply(tx, table, events) {
    for (const e of events.filter((e) => e.streamId.startsWith('thing-'))) {
      await tx.query(`INSERT INTO ${table} VALUES ($1, clock_timestamp()) ON CONFLICT (stream_id) DO UPDATE SET applied_at = clock_timestamp()`, [e.streamId]);
    }
  },
};

/** Never written live: nothing drove it. */
const idle: Projection<RecordedEvent> = { ...counts, name: 'idle', table: 'helper.idle', apply: async () => {} };

const target = (projection: Projection<RecordedEvent>) => (infra: Infrastructure) => ({ projection, source: eventLogSource(infra.store), checkpoint: checkpointName(projection) });
const TARGETS: RebuildTargets = { counts: target(counts), stamped: target(stamped), idle: target(idle) };

const thing = () => ({ id: randomUUID(), type: 'thing-happened', schemaVersion: 1, data: {}, metadata: { correlationId: randomUUID() } });

describe('the rebuild-equals-live check, against projections run live on real PostgreSQL', () => {
  let infra: Infrastructure;
  const running: Subscription[] = [];

  beforeAll(async () => {
    infra = await createInfrastructure({ app: 'helper', databaseUrl: await freshDatabase('rebuild_check') });
    const fail = (error: unknown) => {
      throw error;
    };
    for (const projection of [counts, stamped, idle]) running.push(await runProjection(infra.store, infra.pool, projection, fail));
    for (let i = 0; i < 30; i++) await infra.store.append(`thing-${i % 7}`, [thing(), thing()], 'any');
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await infra.close();
  });

  test('passes for a projection that is a function of the log, waiting for the live runner to catch up first', async () => {
    await expectRebuildToEqualLive(infra, TARGETS, ['counts']);
    const { rows } = await infra.pool.query('SELECT stream_id, events FROM helper.counts ORDER BY stream_id');
    expect(rows).toHaveLength(7);
    expect(rows.reduce((sum, r: { events: number }) => sum + r.events, 0)).toBe(60);
  });

  test('fails, naming the projection, when the rebuilt rows differ from the live ones', async () => {
    await expect(expectRebuildToEqualLive(infra, TARGETS, ['stamped'])).rejects.toThrow(/"name": "stamped"/);
  });

  test('fails when the live table is empty, since then equality would prove nothing', async () => {
    await expect(expectRebuildToEqualLive(infra, TARGETS, ['idle'])).rejects.toThrow(/"liveRows": false/);
  });

  test('refuses a name the registry does not have', async () => {
    await expect(expectRebuildToEqualLive(infra, TARGETS, ['nope'])).rejects.toThrow('nope is not in the app');
  });
});
