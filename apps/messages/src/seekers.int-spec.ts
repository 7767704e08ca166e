import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '@bostadsko/bus';
import { ApplicantDeregisteredV1, ApplicantDeregistrationReversedV1, ApplicantRegisteredV1, ContactDetailsChangedV1, ListingPublishedV2 } from '@bostadsko/contracts';
import { stockholmDate } from '@bostadsko/calendar';
import { createTestApp } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { expectRebuildToEqualLive } from '@bostadsko/testing';
import { eventually } from '../../../test/support/eventually.js';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { busMessage, listingPublished, tokenFor } from '../../../test/support/messages-app.js';
import { messagesRebuildTargets } from './messages.rebuild.js';
import { MessagesModule } from './messages.module.js';

const today = stockholmDate(new Date());

describe('what the alerts know of seekers: birth years from the bus (also after an upgrade), no alerts while deregistered', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const listing = (change: Partial<ListingPublishedV2> = {}): IntegrationMessage => {
    const published = listingPublished(change);
    return busMessage(ListingPublishedV2.type, published.listingId, published);
  };
  const seekerRow = (id: string) =>
    infra.pool
      .query<{ birth_year: number | null; deregistered_on: string | null }>(`SELECT birth_year, deregistered_on::text FROM messages.seekers WHERE applicant_id = $1`, [id])
      .then((r) => r.rows[0]);
  const alertsOf = async (token: string) =>
    ((await http().get('/messages').set(bearer(token)).expect(200)).body as Array<{ kind: string; paragraphs: string[] }>).filter((m) => m.kind === 'saved-search-alert');
  /** A seeker born in 1990 with a saved search for Majorna, alerted at once. */
  const seekerWithSearch = async () => {
    const id = randomUUID();
    await infra.bus.publish([
      busMessage(ApplicantRegisteredV1.type, id, { applicantId: id, registeredOn: today, queueStartDate: today, birthYear: 1990 }),
      busMessage(ContactDetailsChangedV1.type, id, { applicantId: id, email: `seekers-${id.slice(0, 8)}@example.se` }),
    ]);
    await eventually(
      () => seekerRow(id),
      (row) => row?.birth_year === 1990,
    );
    const token = await tokenFor(app, { id, roles: ['applicant'] });
    await http().post('/messages/saved-searches').set(bearer(token)).send({ municipality: 'Göteborg', district: 'Majorna', alerts: 'immediate' }).expect(201);
    return { id, token };
  };

  const start = async () => {
    app = await createTestApp(MessagesModule);
    infra = app.get(INFRASTRUCTURE);
  };

  beforeAll(async () => {
    process.env.JWT_SECRET = 'messages-seekers-secret-long-enough-for-hs256-0123456789';
    process.env.DATABASE_URL = await freshDatabase('messages_seekers');
    process.env.ALERT_INTERVAL_MS = '100';
    process.env.DELIVERY_INTERVAL_MS = '0';
    delete process.env.BUS_DATABASE_URL;
    // Delivery is off: these tests read the inbox, and the mail waits in the outbox.
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    await start();
  });

  afterAll(async () => {
    await app?.close();
    for (const name of ['ALERT_INTERVAL_MS', 'DELIVERY_INTERVAL_MS', 'SMTP_URL']) delete process.env[name];
  });

  test('a deregistered seeker gets no alerts; the reversal of that deregistration brings them back', async () => {
    const { id, token } = await seekerWithSearch();
    await infra.bus.publish([busMessage(ApplicantDeregisteredV1.type, id, { applicantId: id, on: today, reason: 'annual-fee-unpaid' })]);
    await eventually(
      () => seekerRow(id),
      (row) => row?.deregistered_on === today,
    );
    // Published while deregistered: the redelivery-proof record of the match shows it was handled, and no alert was queued for them.
    const whileOut = listing({ district: 'Majorna', rooms: 3 });
    await infra.bus.publish([whileOut]);
    await eventually(
      () => infra.pool.query(`SELECT 1 FROM messages.matched_listings WHERE listing_id = $1`, [(whileOut.payload as ListingPublishedV2).listingId]).then((r) => r.rowCount),
      (n) => n === 1,
    );
    const queued = await infra.pool.query(`SELECT 1 FROM messages.alert_batches WHERE $1 = ANY (applicants)`, [id]);
    expect(queued.rowCount).toBe(0);

    await infra.bus.publish([busMessage(ApplicantDeregistrationReversedV1.type, id, { applicantId: id, deregisteredOn: today, on: today, queueStartDate: today, reason: 'fee-paid-in-time' })]);
    await eventually(
      () => seekerRow(id),
      (row) => row?.deregistered_on === null,
    );
    await infra.bus.publish([listing({ district: 'Majorna', rooms: 4 })]);
    const alerts = await eventually(
      () => alertsOf(token),
      (list) => list.length === 1,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].paragraphs.join(' ')).toContain('4 rum');
  });

  test('an install from before the seekers had a consumer group of their own replays the bus on upgrade: earlier seekers get their birth years', async () => {
    const { id, token } = await seekerWithSearch();
    await app.close();
    // The state before the upgrade: no birth year kept for the seeker, and no consumer group that has read the registrations.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`UPDATE messages.seekers SET birth_year = NULL WHERE applicant_id = $1`, [id]);
    await client.query(`DELETE FROM bus.consumer_offsets WHERE consumer_group = 'messages.seekers'`);
    await client.query(`DELETE FROM bus.inbox WHERE consumer_group = 'messages.seekers'`);
    await client.end();

    await start();
    expect(
      await eventually(
        () => seekerRow(id),
        (row) => row?.birth_year === 1990,
      ),
    ).toMatchObject({ birth_year: 1990 });
    // And so a listing with an age range (30–40 in the deadline's year: they turn 36) alerts them.
    await infra.bus.publish([listing({ minAge: 30, maxAge: 40, applicationDeadline: '2026-06-30' })]);
    const alerts = await eventually(
      () => alertsOf(token),
      (list) => list.length === 1,
    );
    expect(alerts).toHaveLength(1);
  });

  test('the seekers read model rebuilt from the bus equals the one built live', async () => {
    await expectRebuildToEqualLive(infra, messagesRebuildTargets, ['seekers']);
  });
});
