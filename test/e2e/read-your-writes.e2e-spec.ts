import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { shareOneBus, startApp } from '../support/all-apps.js';
import { organisationNumber, personnummer } from '../support/swedish-numbers.js';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { flatToPublish } from '../support/flat-to-publish.js';
import { bearer, http } from '../support/http.js';
import { busesToRunOn, useBus } from '../support/kafka.js';

const PASSWORD = 'a long enough password';
const today = stockholmDate(new Date());
const TOKEN = /^(applicants|listings|landlords):\d+-\d+$/;

/** On Kafka too, where relay progress travels as markers in every partition. */
const buses = busesToRunOn('Read your own writes across the apps');

/**
 * Read your own writes as the website does it (post/redirect/get): each write
 * answers X-Log-Position, the next request sends the latest per app in
 * X-Read-After, and sees the write at once: no retries, no sleeps.
 */
describe.each(buses)('read your own writes across apps, bus on $bus: X-Log-Position and X-Read-After', ({ bus, brokers }) => {
  let applicants: NestFastifyApplication;
  let landlords: NestFastifyApplication;
  let listings: NestFastifyApplication;
  let staff: string;
  let listingId: string;
  /** The website's session: the latest token per app. */
  const session = new Map<string, string>();
  const readAfter = () => ({ 'x-read-after': [...session.values()].join(', ') });
  const remember = (response: request.Response) => {
    const token = response.headers['x-log-position'] as string;
    expect(token).toMatch(TOKEN);
    session.set(token.split(':')[0], token);
    return response;
  };

  beforeAll(async () => {
    useBus(brokers, `read your own writes on ${bus}`);
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    await shareOneBus('read-your-writes-secret-long-enough-for-hs256-0123');
    applicants = await startApp(ApplicantsModule, 'applicants');
    landlords = await startApp(LandlordsModule, 'landlords');
    listings = await startApp(ListingsModule, 'listings');
    staff = (await http(applicants).post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;

    // A landlord's agent publishes as soon as the agreement's token has reached listings' landlords read model.
    const registered = remember(
      await http(landlords)
        .post('/landlords')
        .send({ name: 'Hyresbolaget AB', organisationNumber: organisationNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
        .expect(201),
    );
    const landlordId = registered.body.landlordId as string;
    remember(await http(landlords).post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).set(readAfter()).send({ effectiveFrom: today, terms: 'Standard terms' }).expect(201));
    remember(
      await http(landlords).post(`/landlords/${landlordId}/users/first-administrator`).set(bearer(staff)).send({ name: 'Karin Holm', email: 'admin@hyresbolaget.se', password: PASSWORD }).expect(201),
    );
    const admin = (await http(landlords).post('/landlords/sign-in').send({ email: 'admin@hyresbolaget.se', password: PASSWORD }).expect(200)).body.access_token as string;
    const deadline = addDays(today, 10);
    const published = await http(listings)
      .post('/listings')
      .set(bearer(admin))
      .set(readAfter())
      .send(flatToPublish({ monthlyRent: 8000, moveInDate: addDays(deadline, 40), applicationDeadline: deadline }));
    expect(published.status).toBe(201);
    listingId = published.body.listingId;
    session.clear();
  });

  afterAll(async () => {
    for (const app of [listings, landlords, applicants]) await app?.close();
    delete process.env.BUS_DATABASE_URL;
    delete process.env.KAFKA_BROKERS;
  });

  async function registerSeeker(serial: string) {
    const number = personnummer('19900315', serial);
    const registered = remember(
      await http(applicants)
        .post('/applicants')
        .send({ personnummer: number, name: `Seeker ${serial}`, email: `s${serial}@example.se`, password: PASSWORD })
        .expect(201),
    );
    const token = (await http(applicants).post('/applicants/sign-in').send({ personnummer: number, password: PASSWORD }).expect(200)).body.access_token as string;
    return { id: registered.body.applicantId as string, token };
  }

  const declared = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

  test('a seeker who registers and applies at once is accepted, 20 times in a row', async () => {
    for (let i = 0; i < 20; i++) {
      session.clear();
      const seeker = await registerSeeker(String(100 + i));
      const applied = await http(listings)
        .post('/applications')
        .set(bearer(seeker.token))
        .set(readAfter())
        .send({ listingId, ...declared });
      expect({ status: applied.status, body: applied.body }).toMatchObject({ status: 201 });
      expect(applied.headers['x-read-stale']).toBeUndefined();
      expect(applied.headers['x-log-position']).toMatch(/^listings:/);
    }
  });

  test("staff's queue decision shows in the queue time read at once", async () => {
    session.clear();
    const seeker = await registerSeeker('201');
    const caseId = remember(
      await http(applicants).post(`/applicants/${seeker.id}/cases`).set(bearer(staff)).send({ channel: 'phone', subject: 'Queue date', description: 'Registered at the old agency' }).expect(201),
    ).body.caseId;
    remember(
      await http(applicants)
        .post(`/applicants/${seeker.id}/queue-decisions`)
        .set(bearer(staff))
        .send({ reason: 'staff-correction', queueStartDate: '2012-01-01', caseId, explanation: 'Proven by the old register', effectiveFrom: today })
        .expect(200),
    );
    const queueTime = await http(applicants).get(`/applicants/${seeker.id}/queue-time`).set(bearer(staff)).set(readAfter()).expect(200);
    expect(queueTime.body.queueStartDate).toBe('2012-01-01');
    expect(queueTime.headers['x-read-stale']).toBeUndefined();
    const account = await http(applicants).get(`/applicants/${seeker.id}`).set(bearer(seeker.token)).set(readAfter()).expect(200);
    expect(account.body.queueStartDate).toBe('2012-01-01');
  });

  test("a seeker's list shows an application at once, and its withdrawal", async () => {
    session.clear();
    const seeker = await registerSeeker('301');
    const applied = remember(
      await http(listings)
        .post('/applications')
        .set(bearer(seeker.token))
        .set(readAfter())
        .send({ listingId, ...declared })
        .expect(201),
    );
    const mine = await http(listings).get('/applications').set(bearer(seeker.token)).set(readAfter()).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ applicationId: applied.body.applicationId })]);
    remember(await http(listings).post(`/applications/${applied.body.applicationId}/withdraw`).set(bearer(seeker.token)).set(readAfter()).expect(200));
    const after = await http(listings).get('/applications').set(bearer(seeker.token)).set(readAfter()).expect(200);
    expect(after.body).toEqual([expect.objectContaining({ applicationId: applied.body.applicationId, status: 'withdrawn' })]);
  });

  test('a read names no position; positions of logs an app does not read, and malformed ones, are ignored without waiting', async () => {
    const search = await http(listings).get('/listings').set('x-read-after', 'statistics:99999999-1, messages:1-1, nonsense, listings:abc').expect(200);
    expect(search.headers['x-log-position']).toBeUndefined();
    expect(search.headers['x-read-stale']).toBeUndefined();
  });

  test('the OpenAPI document names the headers', async () => {
    const { body } = await http(listings).get('/docs-json').expect(200);
    const apply = body.paths['/applications'].post;
    expect(apply.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'X-Read-After' })]));
    expect(apply.responses['201'].headers).toHaveProperty('X-Log-Position');
    expect(body.paths['/applications'].get.responses['200'].headers).not.toHaveProperty('X-Log-Position');
  });
});
