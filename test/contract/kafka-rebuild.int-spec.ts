import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { LANDLORDS_WIRING } from '../../apps/landlords/src/landlords.wiring.js';
import { LISTINGS_WIRING } from '../../apps/listings/src/listings.wiring.js';
import { STATISTICS_WIRING } from '../../apps/statistics/src/statistics.wiring.js';
import { appMigrations } from '../../infra/rebuild-targets.js';
import type { IntegrationMessage } from '@bostadsko/bus';
import {
  AccountClosedV1,
  AgreementStatusChangedV1,
  ApplicantDeregisteredV1,
  ApplicantRegisteredV1,
  ApplicationSubmittedV1,
  LandlordRegisteredV1,
  LandlordUserChangedV1,
  ListingPublishedV1,
  QueueStandingChangedV1,
} from '@bostadsko/contracts';
import { ensureProjectionTable, rebuildProjection } from '@bostadsko/projections';
import { busProjectionGroup, type BusProjection, createInfrastructure, type Infrastructure, busRebuildTarget } from '@bostadsko/runtime';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../support/kafka.js';
import type { AppName } from '../../infra/single-node.js';

const message = (type: string, key: string, payload: object): IntegrationMessage => ({
  id: randomUUID(),
  type,
  key,
  payload,
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: new Date().toISOString(),
});

/** A slice of the system's traffic on the real topics, in 2019 so no other suite's report counts it. */
function traffic(seekers: number): IntegrationMessage[] {
  const landlordId = randomUUID();
  const listingId = randomUUID();
  const ids = Array.from({ length: seekers }, () => randomUUID());
  return [
    message(LandlordRegisteredV1.type, landlordId, { landlordId, name: 'Replay AB', organisationNumber: '556000-0002' }),
    message(AgreementStatusChangedV1.type, landlordId, { landlordId, agreementId: randomUUID(), status: 'active', effectiveFrom: '2019-01-01', reason: 'signed' }),
    message(LandlordUserChangedV1.type, landlordId, { landlordId, userId: randomUUID(), role: 'letting-agent', status: 'active', at: '2019-01-01T08:00:00.000Z' }),
    message(ListingPublishedV1.type, listingId, {
      listingId,
      landlordId,
      municipality: 'Göteborg',
      district: 'Majorna',
      rooms: 2,
      areaM2: 50,
      monthlyRent: 8000,
      listingType: 'regular',
      publishedOn: '2019-03-01',
      applicationDeadline: '2019-03-10',
      moveInDate: '2019-04-01',
    }),
    ...ids.flatMap((id, i) => [
      message(ApplicantRegisteredV1.type, id, { applicantId: id, registeredOn: '2019-01-10', queueStartDate: '2019-01-10', birthYear: 1980 + (i % 20) }),
      message(QueueStandingChangedV1.type, id, { applicantId: id, status: 'active', queueStartDate: '2019-01-10', effectiveFrom: '2019-01-10', reason: 'registered' }),
      message(ApplicationSubmittedV1.type, id, { applicationId: randomUUID(), listingId, applicantId: id, submittedOn: '2019-03-05' }),
      ...(i % 7 === 0 ? [message(ApplicantDeregisteredV1.type, id, { applicantId: id, on: '2019-06-01', reason: 'annual-fee-unpaid' })] : []),
      ...(i % 11 === 0 ? [message(AccountClosedV1.type, id, { applicantId: id, on: '2019-07-01' })] : []),
    ]),
  ];
}

const READ_MODELS: ReadonlyArray<[AppName, readonly BusProjection[]]> = [
  ['statistics', STATISTICS_WIRING.busProjections ?? []],
  ['listings', LISTINGS_WIRING.busProjections ?? []],
  ['landlords', LANDLORDS_WIRING.busProjections ?? []],
];

/** A table's rows in a stable order, compared as JSON. */
/**
 * `row_id` and `seq` (statistics.lettings) number rows in the order the consumer met them; Kafka orders
 * messages within a partition only, so a replay may number the same rows differently. What they hold is compared.
 */
const ORDER_SURROGATES = ['row_id', 'seq'];

async function rows(infra: Infrastructure, table: string): Promise<string[]> {
  const { rows } = await infra.pool.query<{ row: string }>(`SELECT (to_jsonb(t) - $1::text[])::text AS row FROM ${table} t ORDER BY 1`, [ORDER_SURROGATES]);
  return rows.map((r) => r.row);
}

if (kafkaBrokers.length === 0) reportKafkaSkipped('The rebuild from Kafka');

/**
 * Every bus-fed read model of the apps, fed live from the run's broker as the apps
 * feed them (one consumer group each), then rebuilt by replaying its topics from
 * the earliest offset into a fresh table and swapped in: the rebuilt tables equal
 * the live ones, poison and unreadable records left out as the live groups did.
 */
(kafkaBrokers.length > 0 ? describe : describe.skip)('rebuilding bus-fed read models from Kafka', () => {
  const apps = new Map<AppName, Infrastructure>();
  const live: Array<{ stop(): Promise<unknown> }> = [];
  let admin: Admin;
  const everyReadModel = () => READ_MODELS.flatMap(([app, list]) => list.map((bus) => ({ app, bus, infra: apps.get(app)!, group: busProjectionGroup(app, bus.projection) })));

  beforeAll(async () => {
    noteKafkaSuiteRan('rebuild from Kafka');
    admin = new Kafka({ clientId: 'rebuild-test', brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    for (const [app] of READ_MODELS) {
      apps.set(app, await createInfrastructure({ app, databaseUrl: await freshDatabase(`rebuild_${app}`), kafkaBrokers, migrations: appMigrations[app] }));
    }
    // A fresh deployment: these group names are the apps' own, and another suite's apps may have left offsets under them.
    await admin.deleteGroups(everyReadModel().map((r) => r.group)).catch(() => undefined);
    for (const { bus, infra, group } of everyReadModel()) {
      await ensureProjectionTable(infra.pool, bus.projection);
      live.push(await infra.bus.consume({ group, topics: bus.topics }, (m, tx) => bus.projection.apply(tx, bus.projection.table, [m])));
    }
  }, 120_000);

  afterAll(async () => {
    for (const consumer of live) await consumer.stop();
    for (const infra of apps.values()) await infra.close();
    await admin?.disconnect();
  });

  /** Every live group has committed every partition of its topics up to the end. */
  async function liveCaughtUp(): Promise<void> {
    const behind = async () => {
      const lagging: string[] = [];
      for (const { bus, group } of everyReadModel()) {
        const committed = await admin.fetchOffsets({ groupId: group, topics: [...bus.topics] });
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          for (const { partition, offset } of partitions) {
            const end = ends.find((e) => e.partition === partition)!.high;
            if (BigInt(end) > 0n && BigInt(offset) < BigInt(end)) lagging.push(`${group} ${topic}/${partition}`);
          }
        }
      }
      return lagging;
    };
    expect(await eventually(behind, (lagging) => lagging.length === 0, 60_000)).toEqual([]);
  }

  async function rebuildAll(only?: (table: string) => boolean) {
    const skipped = new Map<string, string[]>();
    for (const { app, bus, infra } of everyReadModel().filter((r) => !only || only(r.bus.projection.table))) {
      const target = await busRebuildTarget(app, bus)(infra);
      const shares: number[] = [];
      await rebuildProjection(infra.pool, target.projection, target.source, { onProgress: (p) => shares.push(p.share) });
      expect(shares[shares.length - 1]).toBe(1);
      skipped.set(bus.projection.table, target.replay?.skipped.map((s) => s.id) ?? []);
    }
    return skipped;
  }

  async function snapshot(): Promise<Map<string, string[]>> {
    const tables = new Map<string, string[]>();
    for (const { bus, infra } of everyReadModel()) tables.set(bus.projection.table, await rows(infra, bus.projection.table));
    return tables;
  }

  test('each rebuilt table equals the live one, skipping the poison and the unreadable record the live group dead-lettered', async () => {
    const statistics = apps.get('statistics')!;
    const poison = message(ApplicantRegisteredV1.type, randomUUID(), { registeredOn: '2019-01-10', queueStartDate: '2019-01-10' });
    await statistics.bus.publish(traffic(150));
    await statistics.bus.publish([poison, ...traffic(50)]);
    const raw = new Kafka({ clientId: 'rebuild-test-raw', brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    const [written] = await raw.send({ topic: ApplicantRegisteredV1.type, messages: [{ key: 'x', value: 'not json' }] });
    await raw.disconnect();
    const unreadable = `kafka:${ApplicantRegisteredV1.type}/${written.partition}/${written.baseOffset}`;
    await liveCaughtUp();
    const before = await snapshot();
    expect(before.get('statistics.seekers')!.length).toBeGreaterThanOrEqual(200);
    expect((await statistics.bus.deadLetters('statistics.seekers')).map((d) => d.message.id)).toEqual(expect.arrayContaining([poison.id, unreadable]));

    const skipped = await rebuildAll();
    expect(await snapshot()).toEqual(before);
    expect(skipped.get('statistics.seekers')).toEqual(expect.arrayContaining([poison.id, unreadable]));
    expect(skipped.get('listings.seekers')).toEqual(expect.arrayContaining([poison.id, unreadable]));
  }, 180_000);

  test('messages published while a rebuild runs are in the swapped-in table once, and the live group goes on writing into it', async () => {
    const seekers = (table: string) => table.endsWith('.seekers');
    const statistics = apps.get('statistics')!;
    const tail = traffic(100);
    const rebuilding = rebuildAll(seekers);
    for (let i = 0; i < tail.length; i += 20) await statistics.bus.publish(tail.slice(i, i + 20));
    await rebuilding;
    const late = traffic(10);
    await statistics.bus.publish(late);
    await liveCaughtUp();
    const settled = await snapshot();
    const ids = [...tail, ...late].filter((m) => m.type === ApplicantRegisteredV1.type).map((m) => m.key);
    const rowsOf = (table: string) => settled.get(table)!.map((row) => JSON.parse(row) as { applicant_id: string });
    for (const table of ['statistics.seekers', 'listings.seekers']) {
      const present = rowsOf(table).filter((row) => ids.includes(row.applicant_id));
      expect(present).toHaveLength(ids.length);
    }
    // A quiet rebuild now gives the same tables: nothing of the tail was lost or applied twice.
    await rebuildAll(seekers);
    expect(await snapshot()).toEqual(settled);
  }, 180_000);
});
