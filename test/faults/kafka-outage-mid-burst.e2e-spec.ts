import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { freePort } from '../../infra/free-port.js';
import { startLocalBroker, type LocalBroker } from '../../infra/kafka/local-broker.js';
import { CONSUMER_MIGRATIONS, type Consumer } from '@bostadsko/bus';
import { KafkaBus } from '@bostadsko/bus/kafka';
import { ApplicationSubmittedV1 } from '@bostadsko/contracts';
import { migrate } from '@bostadsko/postgres';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../support/kafka.js';
import { ELIGIBLE_DECLARATION, listingBody, seedLandlordAndSeekers } from '../support/listings-burst.js';
import { killed, pause, send as sendTo, startListings, token as signed, type Answer } from './listings-process.js';

const JWT_SECRET = 'kafka-outage-secret-long-enough-for-hs256-0123456789';
const SEEKERS = 150;
const IN_FLIGHT = 10;
/** Acknowledged applications before the broker stops: the rest of the burst meets the outage. */
const STOP_AFTER = 30;
const OUTAGE_MS = 10_000;
const token = (claims: { sub: string; roles: string[]; landlordId?: string }) => signed(JWT_SECRET, claims);

if (kafkaBrokers.length === 0) reportKafkaSkipped('The broker outage mid-burst');

/**
 * Kafka's broker stopped for ten seconds in the middle of an application burst:
 * the listings app runs in its own process on 127.0.0.1 with the bus on a broker
 * of the test's own (the run's shared one cannot be stopped), and a consumer group
 * on another database applies every application-submitted message into a table
 * with no unique key, so a message applied twice would show as two rows. The app
 * keeps acknowledging commands (the bus is not on their path), reports the bus
 * down, and once the broker is back its relay publishes the rest and the consumer
 * goes on, neither restarted: every acknowledged application arrives once.
 */
(kafkaBrokers.length > 0 ? describe : describe.skip)('Kafka broker stopped for 10 s mid-burst', () => {
  const dataDir = `./data/test-kafka-outage-${process.pid}`;
  let broker: LocalBroker;
  let port: number;
  let app: ChildProcess | undefined;
  let listings: pg.Pool;
  let readModel: pg.Pool;
  let bus: KafkaBus;
  let consumer: Consumer;

  beforeAll(async () => {
    noteKafkaSuiteRan('broker outage mid-burst');
    rmSync(dataDir, { recursive: true, force: true });
    broker = await startLocalBroker({ dataDir, preferredPort: 0, log: () => undefined });
    port = await freePort();
    const databaseUrl = await freshDatabase('outage_listings');
    app = await startListings(port, {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: broker.address,
      JWT_SECRET,
      LOG_LEVEL: 'error',
      LISTINGS_JOB_INTERVAL_MS: '0',
      SEED_ACCOUNTS: '',
      SMTP_URL: 'smtp://127.0.0.1:9',
    });
    listings = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    readModel = new pg.Pool({ connectionString: await freshDatabase('outage_consumer'), max: 4 });
    await migrate(readModel, CONSUMER_MIGRATIONS);
    await readModel.query('CREATE TABLE received (message_id text NOT NULL, application_id uuid NOT NULL)');
    bus = new KafkaBus({ brokers: [broker.address], clientId: `outage-${randomUUID()}`, readModel });
    consumer = await bus.consume({ group: 'faults.outage', topics: [ApplicationSubmittedV1.type] }, async (message, tx) => {
      const { applicationId } = ApplicationSubmittedV1.parse(message.payload);
      await tx.query('INSERT INTO received (message_id, application_id) VALUES ($1, $2)', [message.id, applicationId]);
    });
  }, 180_000);

  afterAll(async () => {
    if (app) await killed(app);
    await consumer?.stop();
    await bus?.close();
    await broker?.stop();
    await listings?.end();
    await readModel?.end();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const send = (method: string, path: string, headers: Record<string, string>, body: unknown) => sendTo(port, method, path, headers, body);
  const health = () => fetch(`http://127.0.0.1:${port}/health`).then(async (r) => ({ status: r.status, body: (await r.json()) as { checks?: Record<string, string> } }));

  test('every acknowledged application reaches the consumer exactly once, and nothing is restarted', async () => {
    const { landlordId, seekers } = await seedLandlordAndSeekers(listings, SEEKERS);
    const published = await send('POST', '/listings', { authorization: `Bearer ${token({ sub: landlordId, roles: ['landlord'], landlordId })}` }, listingBody());
    expect(published?.status).toBe(201);
    const listingId = published!.body.listingId as string;
    const requests = seekers.map((seeker) => ({ authorization: `Bearer ${token({ sub: seeker, roles: ['applicant'] })}`, 'idempotency-key': randomUUID() }));
    const apply = (i: number) => send('POST', '/applications', requests[i]!, { listingId, ...ELIGIBLE_DECLARATION });

    // The outage: the broker stops (a controlled shutdown, as an operator's restart) at the STOP_AFTER-th
    // acknowledgement, stays down for OUTAGE_MS while the burst goes on and /health is asked, then starts again.
    const brokerPort = Number(broker.address.split(':')[1]);
    const healthDuringOutage: Array<{ status: number; bus?: string }> = [];
    let stopped!: () => void;
    const outage = new Promise<void>((resolve) => (stopped = resolve)).then(async () => {
      await broker.stop();
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        const { status, body } = await health();
        healthDuringOutage.push({ status, bus: body.checks?.['bus:kafka'] });
        await pause(1_000);
      }
      broker = await startLocalBroker({ dataDir, preferredPort: brokerPort, log: () => undefined });
    });

    const answers: Array<Answer | undefined> = new Array(SEEKERS);
    let acknowledged = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < SEEKERS; i = next++) {
          answers[i] = await apply(i);
          if (answers[i]?.status === 201 && ++acknowledged === STOP_AFTER) stopped();
          // Spread over the outage, so applications are acknowledged before, during and after it.
          await pause(50);
        }
      }),
    );
    await outage;
    expect(broker.address).toBe(`127.0.0.1:${brokerPort}`);

    // Commands do not wait for the bus: every application was acknowledged, the outage notwithstanding.
    expect(answers.filter((answer) => answer?.status !== 201)).toEqual([]);
    expect(healthDuringOutage.some((h) => h.status === 503 && h.bus === 'down')).toBe(true);

    // The same app process and the same consumer, neither restarted: the bus is up again and every message arrives.
    const healthy = await eventually(health, (h) => h.status === 200, 60_000);
    expect(healthy.body.checks?.['bus:kafka']).toBe('up');
    expect(app!.exitCode).toBeNull();
    const acknowledgedIds = answers.map((answer) => answer!.body.applicationId as string);
    const received = async () => (await readModel.query<{ application_id: string; n: number }>('SELECT application_id, count(*)::int AS n FROM received GROUP BY application_id')).rows;
    const arrived = await eventually(received, (rows) => rows.length >= SEEKERS, 90_000);
    expect(arrived.filter((row) => row.n !== 1)).toEqual([]);
    expect(arrived.map((row) => row.application_id).sort()).toEqual([...acknowledgedIds].sort());
    // And the consumer's inbox took each message once: a batch the relay retried may reach the broker twice, never the read model.
    const { rows } = await readModel.query<{ n: number }>(`SELECT count(*)::int AS n FROM bus.inbox WHERE consumer_group = 'faults.outage'`);
    expect(rows[0].n).toBe(SEEKERS);
  }, 300_000);
});
