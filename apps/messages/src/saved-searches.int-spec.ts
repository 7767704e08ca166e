import { savedSearchesStream } from './saved-searches/saved-search.events.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@bostadsko/bus';
import { ApplicantRegisteredV1, ContactDetailsChangedV1, ListingPublishedV2, TrainingClockMovedV1 } from '@bostadsko/contracts';
import type { KeptMail } from '@bostadsko/dev-mail';
import { stockholmDate } from '@bostadsko/calendar';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { busMessage, listingPublished, seededToken, startMessagesApp, tokenFor, type MessagesAppOverSmtp } from '../../../test/support/messages-app.js';
import { TriggersConsumer } from './triggers/triggers.consumer.js';

const today = stockholmDate(new Date());
const thisYear = Number(today.slice(0, 4));

describe('saved searches and their alerts over real SMTP on real PostgreSQL', () => {
  let messagesApp: MessagesAppOverSmtp;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const published = (l: ListingPublishedV2) => busMessage(ListingPublishedV2.type, l.listingId, l);
  const mailTo = (address: string) => messagesApp.mailTo(address);
  /** A registered seeker with an address, born in `birthYear`, and their token. */
  const seeker = async (birthYear = 1990) => {
    const id = randomUUID();
    const email = `alert-${id.slice(0, 8)}@example.se`;
    await infra.bus.publish([
      busMessage(ApplicantRegisteredV1.type, id, { applicantId: id, registeredOn: today, queueStartDate: today, birthYear }),
      busMessage(ContactDetailsChangedV1.type, id, { applicantId: id, email }),
    ]);
    await eventually(
      () => infra.pool.query(`SELECT 1 FROM messages.seekers WHERE applicant_id = $1`, [id]).then((r) => r.rowCount),
      (n) => n === 1,
    );
    const token = await tokenFor(app, { id, roles: ['applicant'] });
    return { id, email, token };
  };
  const save = (token: string, body: object) => http().post('/messages/saved-searches').set(bearer(token)).send(body);
  const searchesOf = async (token: string) =>
    (await http().get('/messages/saved-searches').set(bearer(token)).expect(200)).body as Array<{ searchId: string; alerts: string; municipality: string | null }>;
  const inboxOf = async (token: string) => (await http().get('/messages').set(bearer(token)).expect(200)).body as Array<{ kind: string; subject: string; paragraphs: string[] }>;

  beforeAll(async () => {
    messagesApp = await startMessagesApp({ database: 'alerts', seedAccounts: 'admin:admin@test.se:Admin-pass-1', settings: { ALERT_INTERVAL_MS: '100', RUN_MODE: 'training' } });
    ({ app, infra } = messagesApp);
    admin = await seededToken(app, 'admin@test.se', 'Admin-pass-1');
  });

  afterAll(() => messagesApp?.close());

  test('a seeker saves, lists, changes and deletes searches; bad input and one over the cap are problems, and nothing is kept of them', async () => {
    const { token } = await seeker();
    const { searchId } = (await save(token, { municipality: 'Göteborg', roomsMin: 2, listTypes: ['regular', 'youth'] }).expect(201)).body;
    const listed = await eventually(
      () => searchesOf(token),
      (s) => s.length === 1,
    );
    expect(listed[0]).toMatchObject({ searchId, municipality: 'göteborg', roomsMin: 2, roomsMax: null, listTypes: ['regular', 'youth'], alerts: 'immediate' });

    const swapped = await save(token, { roomsMin: 4, roomsMax: 2 }).expect(400);
    expect(swapped.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(swapped.body.errors).toEqual([{ field: 'roomsMax', messages: ['must not be below roomsMin'] }]);
    const unknownType = await save(token, { listTypes: ['castle'] }).expect(400);
    expect(unknownType.body.errors[0].field).toBe('listTypes');
    await save(token, { alerts: 'hourly' }).expect(400);
    await http().post(`/messages/saved-searches/${searchId}/alerts`).set(bearer(token)).send({ alerts: 'weekly' }).expect(400);
    await http().post(`/messages/saved-searches/${randomUUID()}/alerts`).set(bearer(token)).send({ alerts: 'daily' }).expect(404);

    await http().post(`/messages/saved-searches/${searchId}/alerts`).set(bearer(token)).send({ alerts: 'daily' }).expect(204);
    expect(
      (
        await eventually(
          () => searchesOf(token),
          (s) => s[0]?.alerts === 'daily',
        )
      )[0].alerts,
    ).toBe('daily');

    // The cap is a dated policy setting: two from today.
    await http().post('/messages/policy/changes').set(bearer(admin)).send({ setting: 'savedSearchesPerSeeker', value: 2, effectiveFrom: today, reason: 'A smaller cap in the test' }).expect(201);
    await save(token, { district: 'Majorna' }).expect(201);
    const over = await save(token, { district: 'Haga' }).expect(409);
    expect(over.body).toMatchObject({ type: 'https://bostadsko.se/problems/messages/saved-search-cap', code: 'saved-search-cap', cap: 2 });
    expect(
      await eventually(
        () => searchesOf(token),
        (s) => s.length === 2,
      ),
    ).toHaveLength(2);

    await http().delete(`/messages/saved-searches/${searchId}`).set(bearer(token)).expect(204);
    await http().delete(`/messages/saved-searches/${searchId}`).set(bearer(token)).expect(404);
    expect(
      await eventually(
        () => searchesOf(token),
        (s) => s.length === 1,
      ),
    ).toHaveLength(1);
    await save(token, { district: 'Haga' }).expect(201);
    await http().post('/messages/policy/changes').set(bearer(admin)).send({ setting: 'savedSearchesPerSeeker', value: 10, effectiveFrom: today, reason: 'Back to the default' }).expect(201);

    const staff = await tokenFor(app, { id: randomUUID(), roles: ['staff'] });
    await http().get('/messages/saved-searches').set(bearer(staff)).expect(403);
  });

  test('a search saved again after its answer was lost (killed between the append and recording it) is the same search, saved once', async () => {
    const { id, token } = await seeker();
    const key = `save-lost-${id}`;
    const first = await save(token, { municipality: 'Malmö' }).set('idempotency-key', key).expect(201);
    await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', [key]);
    const retry = await save(token, { municipality: 'Malmö' }).set('idempotency-key', key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await infra.store.readStream(savedSearchesStream(id))).filter((e) => e.type === 'search-saved')).toHaveLength(1);
  });

  test('a published listing alerts each eligible matching seeker once, at once, in the inbox and by mail; a redelivery sends nothing new', async () => {
    const young = await seeker(thisYear - 20);
    const older = await seeker(thisYear - 40);
    const elsewhere = await seeker(1990);
    await save(young.token, { municipality: 'göteborg', roomsMin: 2, rentMax: 9000 }).expect(201);
    // Two searches of one seeker matching the same listing still make one alert.
    await save(young.token, { district: 'Majorna' }).expect(201);
    await save(older.token, { municipality: 'Göteborg', listTypes: ['regular', 'youth'] }).expect(201);
    await save(elsewhere.token, { municipality: 'Mölndal' }).expect(201);
    await eventually(
      () => infra.pool.query(`SELECT count(*)::int AS n FROM messages.saved_searches WHERE applicant_id = ANY ($1)`, [[young.id, older.id, elsewhere.id]]).then((r) => r.rows[0].n as number),
      (n) => n === 4,
    );

    const regular = listingPublished();
    const youth = listingPublished({ listingType: 'youth', minAge: 18, maxAge: 25, monthlyRent: 5000 });
    const expensive = listingPublished({ monthlyRent: 12_000, district: 'Centrum' });
    const triggers = [published(regular), published(youth), published(expensive)];
    await infra.bus.publish(triggers);

    // Alerts due in the same round are one message; each listing is named once, whatever the grouping.
    const named = (mails: KeptMail[], listingId: string) => mails.filter((m) => m.text.includes(`/bostader/${listingId}`)).length;
    const mailed = async (who: { email: string }, listings: ListingPublishedV2[]) =>
      eventually(
        () => mailTo(who.email),
        (m) => listings.every((l) => named(m, l.listingId) === 1),
      );
    const youngMail = await mailed(young, [regular, youth]);
    expect([regular, youth, expensive].map((l) => named(youngMail, l.listingId))).toEqual([1, 1, 0]);
    expect(youngMail[0].subject).toMatch(/^(Ny bostad som matchar din bevakning|2 nya bostäder som matchar dina bevakningar)$/);
    expect(youngMail[0].text).toContain('2 rum och kök, 54 m², Majorna, Göteborg');
    // The older seeker's search takes youth listings, but at 40 they may not apply for this one.
    const olderMail = await mailed(older, [regular, expensive]);
    expect([regular, youth, expensive].map((l) => named(olderMail, l.listingId))).toEqual([1, 0, 1]);
    expect(await mailTo(elsewhere.email)).toEqual([]);
    const pending = () => infra.pool.query(`SELECT count(*)::int AS n FROM messages.alert_batches`).then((r) => r.rows[0].n as number);
    expect(await eventually(pending, (n) => n === 0)).toBe(0);
    const inbox = await inboxOf(young.token);
    expect(inbox.every((m) => m.kind === 'saved-search-alert')).toBe(true);
    expect(inbox).toHaveLength(youngMail.length);

    const consumer = app.get(TriggersConsumer);
    const tx: Tx = { query: (sql, params) => infra.pool.query(sql, params) as never };
    for (const trigger of triggers) await consumer.handle(trigger, tx);
    await infra.bus.publish(triggers);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailTo(young.email)).toHaveLength(youngMail.length);
    expect(await mailTo(older.email)).toHaveLength(olderMail.length);
    expect(await inboxOf(young.token)).toHaveLength(inbox.length);
    expect(await pending()).toBe(0);
  });

  test('a daily search gathers the day’s matches into one message at the digest time, which a training clock move brings due', async () => {
    const { id, email, token } = await seeker();
    await http().post(`/messages/people/${id}/digest-time`).set(bearer(token)).send({ digestTime: '25:00' }).expect(400);
    await http().post(`/messages/people/${id}/digest-time`).set(bearer(token)).send({ digestTime: '06:30' }).expect(204);
    expect(
      (
        await eventually(
          () =>
            http()
              .get(`/messages/people/${id}/preferences`)
              .set(bearer(token))
              .then((r) => r.body as { digestTime: string }),
          (p) => p.digestTime === '06:30',
        )
      ).digestTime,
    ).toBe('06:30');
    await save(token, { municipality: 'Kungsbacka', alerts: 'daily' }).expect(201);
    await eventually(
      () => searchesOf(token),
      (s) => s.length === 1,
    );

    const first = listingPublished({ municipality: 'Kungsbacka', district: 'Centrum' });
    const second = listingPublished({ municipality: 'Kungsbacka', district: 'Hede', rooms: 3 });
    await infra.bus.publish([published(first), published(second)]);
    const queued = await eventually(
      () => infra.pool.query<{ due_at: Date }>(`SELECT due_at FROM messages.alert_batches WHERE $1 = ANY (applicants)`, [id]).then((r) => r.rows),
      (rows) => rows.length === 2,
    );
    const due = queued[0].due_at;
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(due)).toBe('06:30');
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(0);

    await infra.bus.publish([busMessage(TrainingClockMovedV1.type, 'training-clock', { offsetDays: 1, businessDate: stockholmDate(new Date(Date.now() + 86_400_000)) })]);
    const mails = await eventually(
      () => mailTo(email),
      (m) => m.length >= 1,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('2 nya bostäder som matchar dina bevakningar');
    expect(mails[0].text).toContain('dagens nya bostäder');
    expect(mails[0].text).toContain(`/bostader/${first.listingId}`);
    expect(mails[0].text).toContain(`/bostader/${second.listingId}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(1);
    expect((await inboxOf(token)).map((m) => m.kind)).toEqual(['saved-search-alert']);
  });
});
