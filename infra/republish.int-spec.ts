import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import type { Consumer } from '@bostadsko/bus';
import { LandlordUserContactChangedV1 } from '@bostadsko/contracts';
import { readDevMailbox, startDevSmtpServer, type DevSmtpServer } from '@bostadsko/dev-mail';
import { stockholmDate } from '@bostadsko/calendar';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { TokenService } from '@bostadsko/platform';
import { loadCheckpoint } from '@bostadsko/postgres';
import { createInfrastructure, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { LandlordsModule } from '../apps/landlords/src/landlords.module.js';
import { personMessagesStream } from '../apps/messages/src/inbox/person-messages.events.js';
import { MessagesModule } from '../apps/messages/src/messages.module.js';
import { eventually } from '../test/support/eventually.js';
import { freshDatabase } from '../test/support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../test/support/kafka.js';
import { shareOneBus, startApp } from '../test/support/all-apps.js';
import { LANDLORD_PASSWORD as PASSWORD, organisationWithAdministrator } from '../test/support/landlord-organisation.js';
import { appMigrations } from './rebuild-targets.js';

const CONTACT = LandlordUserContactChangedV1.type;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The compiled command, as an operator runs it, with the app's variables. */
async function run(variables: NodeJS.ProcessEnv, args: readonly string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variables, LOG_LEVEL: 'error' };
  for (const name of ['KAFKA_BROKERS', 'EVENTSTORE_URL']) if (!variables[name]) delete env[name];
  return promisify(execFile)(process.execPath, ['dist/infra/republish.js', ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
  );
}

/**
 * The landlords app publishes a user's address to the messages app since
 * `landlord-user-contact-changed.v1`; users added before have none there. Here the
 * landlords relay passes their events while the bus keeps none of their contact
 * messages (the rows the relay wrote are taken out before any consumer reads
 * them, so the bus holds what a relay that did not know the contract left), the
 * messages app's consumer then reads past their other messages, and
 * `npm run republish` (the compiled command, as an operator runs it) fills the gap.
 */
describe('npm run republish: a new contract backfilled from the landlords log, on real PostgreSQL', () => {
  let landlords: NestFastifyApplication;
  let messages: NestFastifyApplication | undefined;
  let smtp: DevSmtpServer;
  let bus: pg.Pool;
  let landlordsDb: string;
  const mailDir = mkdtempSync(join(tmpdir(), 'bostadsko-republish-mail-'));
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const mailTo = async (address: string) => (await readDevMailbox(mailDir)).filter((m) => m.to.includes(address));

  const republish = (...args: string[]) => run({ DATABASE_URL: landlordsDb, BUS_DATABASE_URL: process.env.BUS_DATABASE_URL }, args);
  const busRows = async () => (await bus.query<{ n: number }>('SELECT count(*)::int AS n FROM bus.messages')).rows[0].n;
  const contactRows = async () => (await bus.query<{ message_id: string }>('SELECT message_id FROM bus.messages WHERE topic = $1', [CONTACT])).rows.map((r) => r.message_id).sort();
  /** Until the messages app's consumer has passed every contact message on the bus: then what it did with them is all there is. */
  const consumedContacts = async () => {
    const { rows: last } = await bus.query<{ tx: string; position: string }>(
      'SELECT transaction_id::text AS tx, position::text FROM bus.messages WHERE topic = $1 ORDER BY transaction_id DESC, position DESC LIMIT 1',
      [CONTACT],
    );
    await eventually(
      () => messagesPool().query<{ tx: string; position: string }>(`SELECT transaction_id::text AS tx, position::text FROM bus.consumer_offsets WHERE consumer_group = 'messages.triggers'`),
      ({ rows: [offset] }) => BigInt(offset.tx) > BigInt(last[0].tx) || (offset.tx === last[0].tx && BigInt(offset.position) >= BigInt(last[0].position)),
    );
  };
  const relayState = async () => ({
    checkpoint: await loadCheckpoint(landlords.get<Infrastructure>(INFRASTRUCTURE).pool, 'relay:landlords'),
    markers: (await bus.query<{ n: number }>(`SELECT count(*)::int AS n FROM bus.messages WHERE topic = 'landlords.relay-progress'`)).rows[0].n,
  });
  const messagesPool = () => messages!.get<Infrastructure>(INFRASTRUCTURE).pool;
  const addresses = async (userIds: string[]) =>
    (
      await messagesPool().query<{ applicant_id: string; language: string }>(
        'SELECT applicant_id, language FROM messages.people WHERE applicant_id = ANY($1) AND email IS NOT NULL ORDER BY language',
        [userIds],
      )
    ).rows;
  const notedAddresses = async (userIds: string[]) =>
    (await messagesPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM es.events WHERE type = 'email-address-noted' AND stream_id = ANY($1)`, [userIds.map(personMessagesStream)])).rows[0].n;

  beforeAll(async () => {
    smtp = await startDevSmtpServer({ port: 0, dir: mailDir });
    await shareOneBus('republish-int-secret-long-enough-for-hs256-0123456789');
    bus = new pg.Pool({ connectionString: process.env.BUS_DATABASE_URL, max: 2 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.DELIVERY_INTERVAL_MS = '100';
    landlords = await startApp(LandlordsModule, 'landlords');
    landlordsDb = process.env.DATABASE_URL!;
  });

  afterAll(async () => {
    await messages?.close();
    await landlords?.close();
    await bus?.end();
    await smtp?.close();
    for (const name of ['SMTP_URL', 'DELIVERY_INTERVAL_MS', 'BUS_DATABASE_URL']) delete process.env[name];
  });

  test('users added before the contract get their address; a second run changes nothing; unknown apps and types are refused', async () => {
    const http = () => request(landlords.getHttpServer());
    const staff = (await landlords.get(TokenService).issue({ id: randomUUID(), roles: ['staff'] })).access_token;
    const { landlordId, agreementId, adminEmail, adminToken: admin } = await organisationWithAdministrator(landlords, staff, 'Före Kontraktet AB');
    const agentEmail = `agent-${landlordId.slice(0, 8)}@example.se`;
    await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Per Berg', email: agentEmail, password: PASSWORD, role: 'letting-agent' }).expect(201);
    const userIds = (await http().get(`/landlords/${landlordId}/users`).set(bearer(admin)).expect(200)).body.map((u: { userId: string }) => u.userId) as string[];
    expect(userIds).toHaveLength(2);

    // What a relay that did not yet know the contract leaves: the users' other messages, none of their addresses.
    const unpublished = await eventually(contactRows, (ids) => ids.length === 2);
    await bus.query('DELETE FROM bus.messages WHERE topic = $1', [CONTACT]);
    messages = await startApp(MessagesModule, 'messages');
    await eventually(
      () => messagesPool().query(`SELECT user_id FROM messages.landlord_users WHERE landlord_id = $1 AND status = 'active'`, [landlordId]),
      (r) => r.rowCount === 2,
    );
    expect(await addresses(userIds)).toEqual([]);
    // The letting agent chooses English after the upgrade: that contact the relay publishes, and the messages app applies.
    const agent = (await http().post('/landlords/sign-in').send({ email: agentEmail, password: PASSWORD }).expect(200)).body.access_token as string;
    await http().post('/landlords/me/language').set(bearer(agent)).send({ language: 'en' }).expect(200);
    const agentId = JSON.parse(Buffer.from(agent.split('.')[1], 'base64url').toString()).sub as string;
    await eventually(
      () => addresses([agentId]),
      (rows) => rows.length === 1 && rows[0].language === 'en',
    );
    const relayed = await contactRows();
    expect(relayed).toHaveLength(1);
    const before = await relayState();
    const rowsBefore = await busRows();

    // Refused, with the app's publishable contracts named, and nothing published.
    const wrongType = await republish('landlords', CONTACT, 'landlords.no-such-thing.v1');
    expect(wrongType).toMatchObject({ code: 2, stdout: '' });
    expect(wrongType.stderr).toContain('landlords publishes no landlords.no-such-thing.v1');
    expect(wrongType.stderr).toContain(`landlords: landlords.agreement-status-changed.v1, landlords.landlord-case-answered.v1`);
    expect(wrongType.stderr).toContain(CONTACT);
    const otherAppsType = await republish('listings', CONTACT);
    expect(otherAppsType.code).toBe(2);
    expect(otherAppsType.stderr).toContain('listings: listings.application-submitted.v1');
    const wrongApp = await republish('tenants', CONTACT);
    expect(wrongApp.code).toBe(2);
    expect(wrongApp.stderr).toContain('usage: npm run republish -- <app> <message-type> [<message-type> …]');
    expect(wrongApp.stderr).toContain('messages: (publishes nothing)');
    expect((await republish('landlords')).code).toBe(2);
    expect(await busRows()).toBe(rowsBefore);

    const first = await republish('landlords', CONTACT);
    expect(first.code).toBe(0);
    // Every contact in the log: the two the bus never kept, and the agent's newer one, which it has.
    expect(first.stdout).toMatch(/done: \d+ events read, 3 messages published in [\d.]+ s \(\d[\d,]* events\/s, \d[\d,]* messages\/s\)/);
    expect(first.stdout).toContain(`${CONTACT}: 3`);
    // The same ids the relay gave them: a consumer that had them would skip them.
    const all = [...unpublished, ...relayed].sort();
    expect(await contactRows()).toEqual(all);
    expect(await busRows()).toBe(rowsBefore + 2);
    // The relay's checkpoint and its progress markers (consumers' X-Read-After watermark) are the relay's alone.
    expect(await relayState()).toEqual(before);

    await consumedContacts();
    // One address noted for each user: the agent's older contact, sent after the newer one, is not applied.
    expect(await notedAddresses(userIds)).toBe(2);
    const known = await eventually(
      () => addresses(userIds),
      (rows) => rows.length === 2,
    );
    // The administrator's address and English; the agent's address added before stays behind the newer English.
    expect(known.map((r) => r.language)).toEqual(['en', 'en']);
    // And they reach the user: the administrator is mailed the suspension, in English.
    await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/suspension`)
      .set(bearer(staff))
      .send({ effectiveFrom: stockholmDate(new Date(Date.now() + 7 * 86_400_000)), reason: 'Unpaid invoice' })
      .expect(200);
    const mails = await eventually(
      () => mailTo(adminEmail),
      (m) => m.length >= 1,
    );
    expect(mails.map((m) => m.subject)).toEqual(['Your agreement with the housing agency is suspended']);

    // Again: the PostgreSQL bus keeps one row per message id, so nothing new is published.
    const second = await republish('landlords', CONTACT);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${CONTACT}: 3`);
    expect(await contactRows()).toEqual(all);

    // Again on a bus that delivers them a second time (as Kafka does): the consumer's inbox skips them by id.
    await bus.query('DELETE FROM bus.messages WHERE topic = $1', [CONTACT]);
    expect((await republish('landlords', CONTACT)).code).toBe(0);
    expect(await contactRows()).toEqual(all);
    await consumedContacts();
    expect(await notedAddresses(userIds)).toBe(2);
    expect((await messagesPool().query(`SELECT 1 FROM bus.inbox WHERE consumer_group = 'messages.triggers' AND message_id = ANY($1)`, [all])).rowCount).toBe(3);
    expect((await addresses(userIds)).map((r) => r.language)).toEqual(['en', 'en']);
    expect(await mailTo(adminEmail)).toHaveLength(1);
  }, 180_000);
});

if (kafkaBrokers.length === 0) reportKafkaSkipped('The republish on Kafka');

/**
 * On Kafka a republished message is delivered again whatever the consumer had: each run sends
 * every contact, and the consumer's inbox applies each id once. The landlords log here is
 * written as the app writes users (sealed details under each user's key) and was never relayed.
 */
(kafkaBrokers.length > 0 ? describe : describe.skip)('npm run republish on Kafka', () => {
  let landlords: Infrastructure;
  let reader: Infrastructure;
  let consumer: Consumer | undefined;
  let landlordsDb: string;
  const handled: string[] = [];

  beforeAll(async () => {
    noteKafkaSuiteRan('republish on Kafka');
    landlordsDb = await freshDatabase('republish_kafka_landlords');
    landlords = await createInfrastructure({ app: 'landlords', databaseUrl: landlordsDb, kafkaBrokers, migrations: appMigrations.landlords });
    reader = await createInfrastructure({ app: 'republish-reader', databaseUrl: await freshDatabase('republish_kafka_reader'), kafkaBrokers });
  });

  afterAll(async () => {
    await consumer?.stop();
    await reader?.close();
    await landlords?.close();
  });

  test('each run publishes every contact; the consumer applies each once', async () => {
    const landlordId = randomUUID();
    const users = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = await new PersonalDataVault(landlords.pool).sealEach(
      users.map((userId, i) => ({ subject: userId, value: { name: `User ${i}`, email: `u${i}-${landlordId.slice(0, 8)}@example.se`, passwordHash: 'not used here', language: 'sv' } })),
    );
    const at = new Date().toISOString();
    await landlords.store.append(
      `landlord-${landlordId}`,
      users.map((userId, i) => ({
        id: randomUUID(),
        type: 'user-added',
        schemaVersion: 1,
        data: { userId, role: 'letting-agent', personal: sealed[i], addedBy: randomUUID(), at },
        metadata: { correlationId: randomUUID(), occurredAt: at },
      })),
      'no_stream',
    );
    // Other suites share the topic: this group counts this landlord's messages only.
    consumer = await reader.bus.consume({ group: `republish-${landlordId}`, topics: [CONTACT] }, async (message) => {
      if (message.key === landlordId) handled.push(message.id);
    });
    const variables = { DATABASE_URL: landlordsDb, KAFKA_BROKERS: kafkaBrokers.join(',') };

    for (let time = 1; time <= 2; time++) {
      const result = await run(variables, ['landlords', CONTACT]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('onto Kafka');
      expect(result.stdout).toContain('3 events read, 3 messages published');
    }
    // A later message on the same key (one partition) is handled after the six republished before it.
    const last = randomUUID();
    await landlords.bus.publish([
      {
        id: `${CONTACT}:${last}`,
        type: CONTACT,
        key: landlordId,
        payload: { landlordId, userId: last, email: 'last@example.se', language: 'sv' },
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: new Date().toISOString(),
      },
    ]);
    await eventually(
      async () => handled,
      (ids) => ids.includes(`${CONTACT}:${last}`),
    );
    expect(handled).toHaveLength(4);
    expect(new Set(handled).size).toBe(4);
    // Counted among this landlord's messages only: suites before this one put theirs on the same topic of the run's broker.
    const inbox = await reader.pool.query('SELECT message_id FROM bus.inbox WHERE consumer_group = $1 AND message_id = ANY($2)', [`republish-${landlordId}`, handled]);
    expect(inbox.rowCount).toBe(4);
  }, 180_000);
});
