import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startLocalBroker } from '../infra/kafka/local-broker.js';
import { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS, PostgresBus, type IntegrationBus, type IntegrationMessage, type Tx } from '@bostadsko/bus';
import { KafkaBus } from '@bostadsko/bus/kafka';
import { migrate } from '@bostadsko/postgres';
import { percentile, round } from './listings/support.js';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { formatCount, formatRatio, formatTable } from './support/table.js';
import { perSecond, timed } from './support/timing.js';

const DB_PORT = 54363;
const KAFKA_DIR = './data/bench-bus-kafka';
/**
 * `npm run bench -- bus --messages 10000 --rate 100 --seconds 20`: a shorter run, or a
 * rate a slow machine's consumers keep up with; the figures use the defaults.
 */
const { values: flags } = parseArgs({
  args: process.argv.slice(3),
  options: {
    messages: { type: 'string', default: '200000' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    // `each`: the consumer's handler only, as most app consumers; `many`: also the batch handler, as bus-fed projections.
    handler: { type: 'string', default: 'many' },
  },
});
if (flags.handler !== 'each' && flags.handler !== 'many') throw new Error(`--handler each|many, not ${flags.handler}`);
const MESSAGES = Number(flags.messages);
/** What the relay hands the bus at once (its subscription's batch). */
const RELAY_BATCH = 500;
const KEYS = 1_000;
/** The latency phase: a steady rate (messages/s) in ticks of 20 ms, for this many seconds. */
const RATE = Number(flags.rate);
const TICK_MS = 20;
const LATENCY_SECONDS = Number(flags.seconds);
const GOALS = { p99Ms: 250 };

const progress = (message: string) => console.error(`[bus] ${new Date().toISOString().slice(11, 19)} ${message}`);

/** The same messages for both buses: one topic, keyed over KEYS aggregates, a payload like a small contract's. */
function messages(phase: string, count: number, from = 0): IntegrationMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      id: `${phase}-${n}`,
      type: `bench.${phase}-recorded.v1`,
      key: `k${n % KEYS}`,
      payload: { n, applicantId: '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11', on: '2026-03-01', sentAt: 0 },
      correlationId: `c${n}`,
      causationId: null,
      occurredAt: '2026-03-01T10:00:00.000Z',
    };
  });
}

interface Measured {
  readonly publishPerSecond: number;
  readonly consumePerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * One bus measured as the apps use it: the relay's batches published as fast as
 * they are acknowledged; a consumer group applying the backlog into its read model
 * (a row per message; its inbox row, and on PostgreSQL its offset, in the same transaction); then a steady
 * rate (1,000 messages/s), each timed from the publish call to the NOTIFY its read-model
 * transaction sends, which PostgreSQL delivers only once that transaction committed.
 */
async function measure(name: string, bus: IntegrationBus, readModel: pg.Pool, listenerUrl: string): Promise<Measured> {
  await readModel.query('CREATE TABLE IF NOT EXISTS bench_rows (message_id text PRIMARY KEY, n int NOT NULL, key text NOT NULL)');
  const apply = async (message: IntegrationMessage, tx: Tx) => {
    const { n, sentAt } = message.payload as { n: number; sentAt: number };
    await tx.query('INSERT INTO bench_rows (message_id, n, key) VALUES ($1, $2, $3)', [message.id, n, message.key]);
    if (sentAt > 0) await tx.query('SELECT pg_notify($1, $2)', ['bench_bus', String(sentAt)]);
  };
  // The same writes set-based, a statement each for the whole batch: what a projection's apply of many items does.
  const applyMany = async (batch: readonly IntegrationMessage[], tx: Tx) => {
    const payloads = batch.map((m) => m.payload as { n: number; sentAt: number });
    await tx.query('INSERT INTO bench_rows (message_id, n, key) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])', [batch.map((m) => m.id), payloads.map((p) => p.n), batch.map((m) => m.key)]);
    const sent = payloads.filter((p) => p.sentAt > 0).map((p) => String(p.sentAt));
    if (sent.length > 0) await tx.query('SELECT pg_notify($1, s) FROM unnest($2::text[]) AS s', ['bench_bus', sent]);
  };
  const many = flags.handler === 'many' ? applyMany : undefined;
  const applied = async () => Number((await readModel.query<{ n: string }>('SELECT count(*) AS n FROM bench_rows')).rows[0].n);

  const backlog = messages('backlog', MESSAGES);
  progress(`${name}: publishing ${formatCount(MESSAGES)} messages in batches of ${RELAY_BATCH}`);
  const publishSeconds = await timed(async () => {
    for (let i = 0; i < backlog.length; i += RELAY_BATCH) await bus.publish(backlog.slice(i, i + RELAY_BATCH));
  });
  progress(`${name}: consuming them into the read model`);
  let consumer: Awaited<ReturnType<IntegrationBus['consume']>> | undefined;
  const consumeSeconds = await timed(async () => {
    consumer = await bus.consume({ group: 'bench.backlog', topics: ['bench.backlog-recorded.v1'] }, apply, many);
    while ((await applied()) < MESSAGES) await new Promise((r) => setTimeout(r, 100));
  });
  await consumer!.stop();

  progress(`${name}: ${RATE} messages/s for ${LATENCY_SECONDS} s, timed to the committed read model`);
  const listener = new pg.Client(listenerUrl);
  await listener.connect();
  const latencies: number[] = [];
  listener.on('notification', ({ payload }) => latencies.push(performance.now() - Number(payload)));
  await listener.query('LISTEN bench_bus');
  const steady = await bus.consume({ group: 'bench.steady', topics: ['bench.steady-recorded.v1'] }, apply, many);
  // A first message the group must see before timing starts: it joins and gets its partitions first.
  await bus.publish(messages('steady', 1, -1));
  while ((await applied()) < MESSAGES + 1) await new Promise((r) => setTimeout(r, 50));
  const perTick = (RATE * TICK_MS) / 1000;
  const ticks = (LATENCY_SECONDS * 1000) / TICK_MS;
  const started = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    const due = started + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch = messages('steady', perTick, tick * perTick).map((m) => ({ ...m, payload: { ...(m.payload as object), sentAt: performance.now() } }));
    await bus.publish(batch);
  }
  const expected = ticks * perTick;
  // A consumer slower than the rate falls behind: its latencies then grow with the backlog, which is the figure.
  const until = performance.now() + 600_000;
  while (latencies.length < expected && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  await steady.stop();
  await listener.end();
  if (latencies.length < expected) throw new Error(`${name}: only ${latencies.length} of ${expected} steady messages reached the read model`);
  return {
    publishPerSecond: perSecond(MESSAGES, publishSeconds),
    consumePerSecond: perSecond(MESSAGES, consumeSeconds),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
  };
}

/**
 * `npm run bench -- bus`: the same integration messages through the PostgreSQL bus
 * (the baseline, as single node runs it: the bus log in its own database, polled
 * every 100 ms) and through Kafka (Apache Kafka's broker, started here), each
 * consumer writing a read model in its own database of one PostgreSQL cluster.
 */
export async function run(): Promise<BenchmarkResult> {
  await rm(KAFKA_DIR, { recursive: true, force: true });
  const db = await startBenchDb('bus', DB_PORT, ['bus_log', 'pg_read_model', 'kafka_read_model']);
  const broker = await startLocalBroker({ dataDir: KAFKA_DIR, preferredPort: 0, log: progress });
  const log = sizedPool(db.url('bus_log'), 4);
  const pgReadModel = sizedPool(db.url('pg_read_model'), 4);
  const kafkaReadModel = sizedPool(db.url('kafka_read_model'), 4);
  const kafka = new KafkaBus({ brokers: [broker.address], clientId: 'bench', readModel: kafkaReadModel });
  const postgres = new PostgresBus({ log, readModel: pgReadModel });
  try {
    await migrate(log, BUS_LOG_MIGRATIONS);
    await migrate(pgReadModel, [...CONSUMER_MIGRATIONS, ...BUS_OFFSET_MIGRATIONS]);
    await migrate(kafkaReadModel, CONSUMER_MIGRATIONS);
    const baseline = await measure('PostgreSQL', postgres, pgReadModel, db.url('pg_read_model'));
    const measured = await measure('Kafka', kafka, kafkaReadModel, db.url('kafka_read_model'));
    const ratio = (k: keyof Measured) => round(measured[k] / baseline[k], 2);
    console.log(
      formatTable(
        ['', 'PostgreSQL bus', 'Kafka', 'Kafka/PostgreSQL'],
        [
          ['publish, messages/s', formatCount(baseline.publishPerSecond), formatCount(measured.publishPerSecond), formatRatio(ratio('publishPerSecond'))],
          ['consume with the read-model write, messages/s', formatCount(baseline.consumePerSecond), formatCount(measured.consumePerSecond), formatRatio(ratio('consumePerSecond'))],
          [`append to committed read model at ${RATE}/s, p50 ms`, String(baseline.p50Ms), String(measured.p50Ms), formatRatio(ratio('p50Ms'))],
          [`append to committed read model at ${RATE}/s, p99 ms`, String(baseline.p99Ms), String(measured.p99Ms), formatRatio(ratio('p99Ms'))],
        ],
      ),
    );
    return {
      messages: MESSAGES,
      handler: flags.handler,
      latencyPhase: { perSecond: RATE, seconds: LATENCY_SECONDS },
      postgres: baseline,
      kafka: measured,
      ratios: { publish: ratio('publishPerSecond'), consume: ratio('consumePerSecond'), p50: ratio('p50Ms'), p99: ratio('p99Ms') },
      goals: {
        kafkaConsumesAtLeastPostgres: measured.consumePerSecond >= baseline.consumePerSecond,
        p99Under250Ms: { postgres: baseline.p99Ms < GOALS.p99Ms, kafka: measured.p99Ms < GOALS.p99Ms },
      },
    };
  } finally {
    await kafka.close();
    await postgres.close();
    await Promise.all([log.end(), pgReadModel.end(), kafkaReadModel.end()]);
    await broker.stop();
    await db.stop();
    await rm(KAFKA_DIR, { recursive: true, force: true });
  }
}
