import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { organisationNumber, personnummer } from '../support/swedish-numbers.js';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { DAY_MS } from '@bostadsko/clock';
import { createTestApp } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../support/eventually.js';
import { flatToPublish } from '../support/flat-to-publish.js';
import { freshDatabase } from '../support/fresh-database.js';

const PASSWORD = 'a long enough password';
const today = stockholmDate(new Date());
const deadline = addDays(today, 10);

async function startApp(module: unknown, databaseUrl: string): Promise<NestFastifyApplication> {
  process.env.DATABASE_URL = databaseUrl;
  return createTestApp(module as never);
}

describe("the training clock: an admin moves every app's business date, and due work runs", () => {
  const databases: Record<string, string> = {};
  const apps: Record<'applicants' | 'landlords' | 'listings' | 'statistics', NestFastifyApplication | undefined> = {
    applicants: undefined,
    landlords: undefined,
    listings: undefined,
    statistics: undefined,
  };
  let staff: string;
  let admin: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const http = (app: NestFastifyApplication | undefined) => request(app!.getHttpServer());
  const businessDates = async () => Promise.all(Object.values(apps).map(async (app) => (await http(app).get('/training-clock').expect(200)).body.businessDate as string));

  beforeAll(async () => {
    process.env.RUN_MODE = 'training';
    process.env.JWT_SECRET = 'training-clock-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.BUS_DATABASE_URL = await freshDatabase('bus');
    // An hour between runs: only the clock's move can make the close and the letting deadlines run during the test.
    process.env.LISTINGS_JOB_INTERVAL_MS = '3600000';
    process.env.LETTING_JOB_INTERVAL_MINUTES = '60';
    process.env.FEE_JOB_INTERVAL_MINUTES = '60';
    for (const [name, module] of [
      ['applicants', ApplicantsModule],
      ['landlords', LandlordsModule],
      ['listings', ListingsModule],
      ['statistics', StatisticsModule],
    ] as const) {
      databases[name] = await freshDatabase(name);
      apps[name] = await startApp(module, databases[name]);
    }
    const token = async (username: string, password: string) => (await http(apps.applicants).post('/auth/token').send({ username, password }).expect(200)).body.access_token as string;
    staff = await token('staff@test.se', 'Staff-pass-1');
    admin = await token('admin@test.se', 'Admin-pass-1');
  });

  afterAll(async () => {
    for (const app of Object.values(apps).reverse()) await app?.close();
    for (const name of ['RUN_MODE', 'BUS_DATABASE_URL', 'LISTINGS_JOB_INTERVAL_MS', 'LETTING_JOB_INTERVAL_MINUTES', 'FEE_JOB_INTERVAL_MINUTES']) delete process.env[name];
  });

  async function publishedListingWithApplicant() {
    const landlords = apps.landlords;
    const registered = await http(landlords)
      .post('/landlords')
      .send({ name: 'Klockbolaget AB', organisationNumber: organisationNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId as string;
    await http(landlords).post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).send({ effectiveFrom: today, terms: 'Standard terms' }).expect(201);
    const email = `admin-${landlordId}@example.se`;
    await http(landlords).post(`/landlords/${landlordId}/users/first-administrator`).set(bearer(staff)).send({ name: 'Karin Holm', email, password: PASSWORD }).expect(201);
    const agent = (await http(landlords).post('/landlords/sign-in').send({ email, password: PASSWORD }).expect(200)).body.access_token as string;

    const number = personnummer('19900315', '111');
    const { body } = await http(apps.applicants).post('/applicants').send({ personnummer: number, name: 'Seeker Klocka', email: 'klocka@example.se', password: PASSWORD }).expect(201);
    const seeker = (await http(apps.applicants).post('/applicants/sign-in').send({ personnummer: number, password: PASSWORD }).expect(200)).body.access_token as string;

    const flat = flatToPublish({ monthlyRent: 8000, moveInDate: addDays(deadline, 40), applicationDeadline: deadline });
    const published = await eventually(
      () => http(apps.listings).post('/listings').set(bearer(agent)).send(flat),
      (r) => r.status === 201,
    );
    const listingId = published.body.listingId as string;
    const declared = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };
    const applied = await eventually(
      () =>
        http(apps.listings)
          .post('/applications')
          .set(bearer(seeker))
          .send({ listingId, ...declared }),
      (r) => r.status === 201,
    );
    // The close picks due listings from the listings read model.
    await eventually(
      () => http(apps.listings).get(`/listings/${listingId}`),
      (r) => r.status === 200,
    );
    return { applicantId: body.applicantId as string, seeker, listingId, applicationId: applied.body.applicationId as string };
  }

  test('every app shows the real date until an admin moves the clock; then the close ranks past the deadline without anyone calling a job', async () => {
    for (const app of Object.values(apps)) {
      const shown = (await http(app).get('/training-clock').expect(200)).body;
      expect(shown).toMatchObject({ mode: 'training', offsetDays: 0, businessDate: today });
      expect(Math.abs(Date.parse(shown.businessNow) - Date.parse(shown.realNow))).toBeLessThan(DAY_MS);
    }
    const { seeker, listingId, applicationId } = await publishedListingWithApplicant();

    await http(apps.applicants).post('/training-clock').send({ days: 11 }).expect(401);
    const refused = await http(apps.applicants).post('/training-clock').set(bearer(staff)).send({ days: 11 }).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await http(apps.applicants)
      .post('/training-clock')
      .set(bearer(admin))
      .send({ days: 11, to: addDays(today, 11) })
      .expect(400);

    const moved = await http(apps.applicants)
      .post('/training-clock')
      .set(bearer(admin))
      .send({ to: addDays(today, 11) })
      .expect(200);
    expect(moved.body).toMatchObject({ mode: 'training', offsetDays: 11, businessDate: addDays(today, 11) });

    const shown = await eventually(businessDates, (dates) => dates.every((d) => d === addDays(today, 11)));
    expect(shown).toEqual([addDays(today, 11), addDays(today, 11), addDays(today, 11), addDays(today, 11)]);

    const ranked = await eventually(
      async () => (await http(apps.listings).get(`/applications/${applicationId}`).set(bearer(seeker)).expect(200)).body.place,
      (place) => place?.place != null,
    );
    expect(ranked).toMatchObject({ place: 1, of: 1 });
    // The listing's state is another projection than the application's place: it may follow a moment later.
    const listing = await eventually(
      () => http(apps.listings).get(`/listings/${listingId}`),
      (r) => r.status === 200 && r.body.status !== 'open',
    );
    expect(listing.body.status).toBe('ranked');

    // The ranking records the business time it was decided at beside the real time it was recorded at.
    const infra = apps.listings!.get<Infrastructure>(INFRASTRUCTURE);
    const rankedEvent = (await infra.store.readStream(`listing-${listingId}`)).at(-1)!;
    const ahead = Date.parse(rankedEvent.metadata.occurredAt!) - rankedEvent.recordedAt.getTime();
    expect(Math.round(ahead / DAY_MS)).toBe(11);

    const backwards = await http(apps.applicants)
      .post('/training-clock')
      .set(bearer(admin))
      .send({ to: addDays(today, 5) })
      .expect(422);
    expect(backwards.body).toMatchObject({ type: 'https://bostadsko.se/problems/training-clock-backwards', businessDate: addDays(today, 11) });

    await http(apps.applicants).post('/training-clock').set(bearer(admin)).send({ days: 3 }).expect(200);
    await eventually(businessDates, (dates) => dates.every((d) => d === addDays(today, 14)));
  });

  test('a restarted app restores the business date from its own read model', async () => {
    await apps.statistics!.close();
    apps.statistics = await startApp(StatisticsModule, databases.statistics);
    expect((await http(apps.statistics).get('/training-clock').expect(200)).body).toMatchObject({ offsetDays: 14, businessDate: addDays(today, 14) });
  });

  test('in production mode the clock is the wall clock and moving it is refused', async () => {
    process.env.RUN_MODE = 'production';
    const production = await startApp(ApplicantsModule, await freshDatabase('production'));
    try {
      expect((await http(production).get('/training-clock').expect(200)).body).toMatchObject({ mode: 'production', offsetDays: 0, businessDate: today });
      const adminToken = (await http(production).post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token as string;
      const refused = await http(production).post('/training-clock').set(bearer(adminToken)).send({ days: 1 }).expect(409);
      expect(refused.body).toMatchObject({ type: 'https://bostadsko.se/problems/training-clock-in-production', status: 409 });
    } finally {
      await production.close();
      process.env.RUN_MODE = 'training';
    }
  });
});
