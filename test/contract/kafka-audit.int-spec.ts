import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { AllocationAudit } from '../../apps/listings/src/audit/allocation-audit.js';
import { SEEKER_TOPICS, seekersProjection } from '../../apps/listings/src/read-models/seekers.projection.js';
import { appMigrations } from '../../infra/rebuild-targets.js';
import type { Consumer, IntegrationMessage } from '@bostadsko/bus';
import { ApplicantRegisteredV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { ensureProjectionTable } from '@bostadsko/projections';
import { busProjectionGroup, createInfrastructure, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../support/kafka.js';

const message = (type: string, key: string, payload: object): IntegrationMessage => ({
  id: randomUUID(),
  type,
  key,
  payload,
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: new Date().toISOString(),
});

if (kafkaBrokers.length === 0) reportKafkaSkipped('The allocations audit');

/**
 * `npm run audit -- allocations` with the bus on Kafka: the seekers' standings are replayed
 * from the Kafka topics, and what the live seekers consumer dead-lettered (a poison message,
 * a record that is no JSON) is left out and named, as on the PostgreSQL bus.
 */
(kafkaBrokers.length > 0 ? describe : describe.skip)('the allocations audit on Kafka', () => {
  const group = busProjectionGroup('listings', seekersProjection);
  let databaseUrl: string;
  let infra: Infrastructure;
  let live: Consumer;

  beforeAll(async () => {
    noteKafkaSuiteRan('allocations audit on Kafka');
    databaseUrl = await freshDatabase('audit_listings');
    infra = await createInfrastructure({ app: 'listings', databaseUrl, kafkaBrokers, migrations: appMigrations.listings });
    const admin = new Kafka({ clientId: 'audit-test', brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    // A fresh deployment: the group name is the app's own, and another suite's app may have left offsets under it.
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.disconnect();
    await ensureProjectionTable(infra.pool, seekersProjection);
    live = await infra.bus.consume({ group, topics: SEEKER_TOPICS }, (m, tx) => seekersProjection.apply(tx, seekersProjection.table, [m]));
  }, 120_000);

  afterAll(async () => {
    await live?.stop();
    await infra?.close();
  });

  test('replays the standings from the topics and names the messages the live consumer dead-lettered, in the app and from the command line', async () => {
    const seeker = randomUUID();
    const poison = message(ApplicantRegisteredV1.type, randomUUID(), { registeredOn: '2019-01-10', queueStartDate: '2019-01-10' });
    await infra.bus.publish([
      message(ApplicantRegisteredV1.type, seeker, { applicantId: seeker, registeredOn: '2019-01-10', queueStartDate: '2019-01-10', birthYear: 1990 }),
      message(QueueStandingChangedV1.type, seeker, { applicantId: seeker, status: 'active', queueStartDate: '2019-01-10', effectiveFrom: '2019-01-10', reason: 'registered' }),
      poison,
    ]);
    const raw = new Kafka({ clientId: 'audit-test-raw', brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    const [written] = await raw.send({ topic: ApplicantRegisteredV1.type, messages: [{ key: 'x', value: 'not json' }] });
    await raw.disconnect();
    const unreadable = `kafka:${ApplicantRegisteredV1.type}/${written.partition}/${written.baseOffset}`;
    const dead = await eventually(
      () => infra.bus.deadLetters(group),
      (letters) => [poison.id, unreadable].every((id) => letters.some((d) => d.message.id === id)),
      60_000,
    );
    const reasonOf = (id: string) => `dead-lettered: ${dead.find((d) => d.message.id === id)!.error}`;
    expect(reasonOf(poison.id)).toContain('invalid or missing applicantId');
    await eventually(
      async () => (await infra.pool.query('SELECT 1 FROM listings.seekers WHERE applicant_id = $1', [seeker])).rowCount,
      (n) => n === 1,
    );

    const report = await new AllocationAudit(infra, new PersonalDataVault(infra.pool)).run();
    expect(report).toMatchObject({ standingsFrom: 'kafka-topics', differences: [] });
    expect(report.skippedMessages).toEqual(
      expect.arrayContaining([
        { id: poison.id, reason: reasonOf(poison.id) },
        { id: unreadable, reason: reasonOf(unreadable) },
      ]),
    );

    // As an operator runs it beside `npm start -- --kafka`: the compiled command, on this app's database and broker.
    const command = await promisify(execFile)(process.execPath, ['dist/infra/audit.js', 'allocations'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(','), LOG_LEVEL: 'error' },
    });
    expect(JSON.parse(command.stdout)).toMatchObject({ audit: 'allocations', standingsFrom: 'kafka-topics', skippedMessages: report.skippedMessages.length, differences: 0 });
    expect(command.stderr).toContain(`[audit]   ${poison.id}: ${reasonOf(poison.id)}`);
    expect(command.stderr).toContain(`[audit]   ${unreadable}: ${reasonOf(unreadable)}`);
  }, 180_000);
});
