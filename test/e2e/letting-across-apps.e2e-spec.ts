import { jest } from '@jest/globals';
import { shareOneBus, startApp } from '../support/all-apps.js';
import { organisationNumber, personnummer } from '../support/swedish-numbers.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { stockholmDate, addDays } from '@bostadsko/calendar';
import { DEMO_LANDLORD_CREDENTIALS, seedDemoLandlord } from '../../apps/landlords/src/demo/demo-landlord.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { seedDemoListings } from '../../apps/listings/src/demo/demo-listings.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { Clock } from '@bostadsko/clock';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { eventually } from '../support/eventually.js';
import { flatToPublish } from '../support/flat-to-publish.js';
import { bearer, http } from '../support/http.js';
import { busesToRunOn, useBus } from '../support/kafka.js';

const PASSWORD = 'a long enough password';
const today = stockholmDate(new Date());
const deadline = addDays(today, 10);
const contractDate = addDays(today, 20);

/** The same letting with the bus on each adapter the run can reach. */
const buses = busesToRunOn('The letting across the apps');

describe.each(buses)('a letting across the apps, bus on $bus: landlords → listings ← applicants, then applicants and statistics', ({ bus, brokers }) => {
  let applicants: NestFastifyApplication;
  let landlords: NestFastifyApplication;
  let listings: NestFastifyApplication;
  let statistics: NestFastifyApplication;
  let staff: string;
  let analyst: string;

  beforeAll(async () => {
    useBus(brokers, `letting across the apps on ${bus}`);
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,analyst:analyst@test.se:Analyst-pass-1';
    await shareOneBus('across-apps-secret-long-enough-for-hs256-0123456789');
    applicants = await startApp(ApplicantsModule, 'applicants');
    landlords = await startApp(LandlordsModule, 'landlords');
    listings = await startApp(ListingsModule, 'listings');
    statistics = await startApp(StatisticsModule, 'statistics');
    const token = async (username: string, password: string) => (await http(applicants).post('/auth/token').send({ username, password }).expect(200)).body.access_token as string;
    staff = await token('staff@test.se', 'Staff-pass-1');
    const health = await http(listings).get('/health').expect(200);
    expect(health.body.checks[`bus:${brokers ? 'kafka' : 'postgres'}`]).toBe('up');
    analyst = await token('analyst@test.se', 'Analyst-pass-1');
  });

  afterAll(async () => {
    for (const app of [statistics, listings, landlords, applicants]) await app?.close();
    delete process.env.BUS_DATABASE_URL;
    delete process.env.KAFKA_BROKERS;
  });

  /** Staff sign an agreement from today; the administrator invites a letting agent, who signs in. */
  async function onboardLandlord() {
    const registered = await http(landlords)
      .post('/landlords')
      .send({ name: 'Hyresbolaget AB', organisationNumber: organisationNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId as string;
    const signed = await http(landlords).post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).send({ effectiveFrom: today, terms: 'Standard terms' }).expect(201);
    const adminEmail = `admin-${landlordId}@example.se`;
    await http(landlords).post(`/landlords/${landlordId}/users/first-administrator`).set(bearer(staff)).send({ name: 'Karin Holm', email: adminEmail, password: PASSWORD }).expect(201);
    const signIn = async (email: string) => (await http(landlords).post('/landlords/sign-in').send({ email, password: PASSWORD }).expect(200)).body.access_token as string;
    const admin = await signIn(adminEmail);
    const agentEmail = `agent-${landlordId}@example.se`;
    await http(landlords).post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Lars Agent', email: agentEmail, role: 'letting-agent', password: PASSWORD }).expect(201);
    return { landlordId, agreementId: signed.body.openAgreementId as string, admin, agent: await signIn(agentEmail) };
  }

  async function registerSeeker(birth: string, serial: string) {
    const number = personnummer(birth, serial);
    const { body } = await http(applicants)
      .post('/applicants')
      .send({ personnummer: number, name: `Seeker ${serial}`, email: `s${serial}@example.se`, password: PASSWORD })
      .expect(201);
    const token = (await http(applicants).post('/applicants/sign-in').send({ personnummer: number, password: PASSWORD }).expect(200)).body.access_token as string;
    return { id: body.applicantId as string, token };
  }

  const flat = (district: string) => flatToPublish({ district, monthlyRent: 8000, moveInDate: addDays(deadline, 40), applicationDeadline: deadline });
  const declared = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

  test('register, publish, apply, close, show, offer, approve, let: queue time used up, statistics report it; a terminated agreement ends open listings', async () => {
    const landlord = await onboardLandlord();
    const seekers = await Promise.all(['101', '202', '303', '404', '505'].map((serial) => registerSeeker('19900315', serial)));
    const [first, second] = seekers;

    // Staff correct the first seeker's queue start on a case: listings must rank by it.
    const caseId = (
      await http(applicants).post(`/applicants/${first.id}/cases`).set(bearer(staff)).send({ channel: 'phone', subject: 'Queue date', description: 'Registered at the old agency' }).expect(201)
    ).body.caseId as string;
    await http(applicants)
      .post(`/applicants/${first.id}/queue-decisions`)
      .set(bearer(staff))
      .send({ reason: 'staff-correction', queueStartDate: '2012-01-01', caseId, explanation: 'Proven by the old register', effectiveFrom: today })
      .expect(200);

    // The agent may publish once listings has heard of the agreement over the bus.
    const publish = (district: string) => http(listings).post('/listings').set(bearer(landlord.agent)).send(flat(district));
    const firstListing = (
      await eventually(
        () => publish('Majorna'),
        (r) => r.status === 201,
      )
    ).body.listingId as string;
    const listingIds = [firstListing];
    for (const district of ['Haga', 'Linné', 'Guldheden', 'Kortedala']) listingIds.push((await publish(district).expect(201)).body.listingId);
    const unlet = (await publish('Tynnered').expect(201)).body.listingId as string;

    // The corrected seeker and the second both apply to the first listing; each seeker applies to "their" listing.
    await eventually(
      () => http(listings).get(`/listings/${firstListing}`),
      (r) => r.status === 200,
    );
    const applicationOf = new Map<string, string>();
    const apply = async (seeker: { id: string; token: string }, listingId: string) => {
      const submitted = await eventually(
        () =>
          http(listings)
            .post('/applications')
            .set(bearer(seeker.token))
            .send({ listingId, ...declared }),
        (r) => r.status === 201,
      );
      applicationOf.set(`${seeker.id}:${listingId}`, submitted.body.applicationId);
    };
    await apply(second, firstListing);
    await apply(first, firstListing);
    for (let i = 1; i < seekers.length; i++) await apply(seekers[i], listingIds[i]);
    await apply(first, unlet);

    // The close job picks due listings from the listings read model, which follows a burst of publications by up to ~100 ms.
    await eventually(
      () => http(listings).get('/listings/mine').set(bearer(landlord.agent)),
      (r) => r.status === 200 && r.body.length === listingIds.length + 1,
    );
    // After the deadline the close job ranks: queue days from the applicants' events decide.
    const after = Date.now() + 11 * 86_400_000;
    jest.spyOn(listings.get(Clock), 'now').mockImplementation(() => new Date(after));
    const closed = await http(listings).post('/listings/jobs/close-due').set(bearer(staff)).expect(200);
    expect(closed.body.ranked).toEqual(expect.arrayContaining(listingIds));
    // The ranking read model follows the close by a few milliseconds.
    const place = await eventually(
      async () =>
        (
          await http(listings)
            .get(`/applications/${applicationOf.get(`${first.id}:${firstListing}`)}`)
            .set(bearer(first.token))
            .expect(200)
        ).body.place,
      (p) => p?.place !== null,
    );
    expect(place).toMatchObject({ place: 1, of: 2, text: 'place 1 of 2' });
    const explanation = await http(listings)
      .get(`/applications/${applicationOf.get(`${second.id}:${firstListing}`)}/explanation`)
      .set(bearer(second.token))
      .expect(200);
    expect(JSON.stringify(explanation.body)).not.toContain(first.id);

    for (const [i, listingId] of listingIds.entries()) {
      const tenant = seekers[i];
      const applicationId = applicationOf.get(`${tenant.id}:${listingId}`)!;
      const showingDay = addDays(today, 12);
      await http(listings)
        .post(`/listings/${listingId}/showings`)
        .set(bearer(landlord.agent))
        .send({ slots: [{ startsAt: `${showingDay}T15:00:00Z`, endsAt: `${showingDay}T16:00:00Z` }] })
        .expect(201);
      if (i === 0)
        await http(listings)
          .post(`/applications/${applicationOf.get(`${second.id}:${firstListing}`)}/interest`)
          .set(bearer(second.token))
          .send({ interested: false })
          .expect(200);
      await http(listings).post(`/applications/${applicationId}/interest`).set(bearer(tenant.token)).send({ interested: true }).expect(200);
      const verified = await http(listings)
        .post(`/listings/${listingId}/letting/verification`)
        .set(bearer(staff))
        .send({ applicationId, certificatesReceivedOn: addDays(today, 11), householdSize: 2, taxableIncome: 380_000, nonTaxableIncome: 0, birthDate: '1990-03-15', hasPaymentRemarks: false })
        .expect(200);
      const proposals = await http(listings).get(`/listings/${listingId}/proposals`).set(bearer(landlord.agent)).expect(200);
      expect(JSON.stringify(proposals.body)).toContain(verified.body.proposalId);
      await http(listings).post(`/listings/${listingId}/proposals/${verified.body.proposalId}/approve`).set(bearer(landlord.agent)).expect(200);
      await http(listings).post(`/listings/${listingId}/proposals/${verified.body.proposalId}/contract`).set(bearer(landlord.agent)).send({ contractDate }).expect(200);
      await eventually(
        () => http(listings).get(`/listings/${listingId}`),
        (r) => r.body.status === 'let',
      );
    }

    // The first tenant's other application ends; their queue time is used up from the contract date.
    const elsewhere = await eventually(
      () =>
        http(listings)
          .get(`/applications/${applicationOf.get(`${first.id}:${unlet}`)}`)
          .set(bearer(first.token)),
      (r) => r.body.status === 'withdrawn',
    );
    expect(elsewhere.body.status).toBe('withdrawn');
    const queueTime = await eventually(
      () => http(applicants).get(`/applicants/${first.id}/queue-time?asOf=${contractDate}`).set(bearer(first.token)),
      (r) => r.body.queueStartDate === contractDate,
    );
    expect(queueTime.body).toMatchObject({ queueStartDate: contractDate, queueDays: 0 });

    // Statistics: five lettings, enough not to be suppressed; the audit re-derives every ranking and letting.
    const year = contractDate.slice(0, 4);
    const report = await eventually(
      () => http(statistics).get(`/statistics/reports/lettings?period=${year}`).set(bearer(analyst)),
      (r) => r.body.total?.flatsLet === 5,
    );
    expect(report.body.total.flatsLet).toBe(5);
    const audit = await http(listings).get('/listings/audit/allocations').set(bearer(staff)).expect(200);
    expect(audit.body.differences).toEqual([]);
    const landlordView = await eventually(
      () => http(landlords).get(`/landlords/${landlord.landlordId}/listings`).set(bearer(landlord.admin)),
      (r) => JSON.stringify(r.body).split('"let"').length - 1 >= 5,
    );
    expect(landlordView.status).toBe(200);

    // The landlord terminates from today: its open listing ends.
    await http(landlords)
      .post(`/landlords/${landlord.landlordId}/agreements/${landlord.agreementId}/termination`)
      .set(bearer(landlord.admin))
      .send({ noticeDate: today, reason: 'We let our flats ourselves' })
      .expect(200);
    jest.spyOn(listings.get(Clock), 'now').mockImplementation(() => new Date());
    const ended = await eventually(
      async () => {
        await http(listings).post('/listings/jobs/close-due').set(bearer(staff));
        return http(listings).get(`/listings/${unlet}`);
      },
      (r) => r.body.status === 'withdrawn',
    );
    expect(ended.body.status).toBe('withdrawn');
  });

  test('the demo data of npm start: the demo landlord publishes six listings once, which search shows to anyone', async () => {
    await landlords.listen(0, '127.0.0.1');
    await listings.listen(0, '127.0.0.1');
    const urls = { landlordsUrl: await landlords.getUrl(), listingsUrl: await listings.getUrl() };
    const lines: string[] = [];
    await seedDemoLandlord((line) => lines.push(line), 'staff:staff@test.se:Staff-pass-1', urls.landlordsUrl);
    await seedDemoListings((line) => lines.push(line), { ...DEMO_LANDLORD_CREDENTIALS, ...urls });
    const signIn = await http(landlords).post('/landlords/sign-in').send(DEMO_LANDLORD_CREDENTIALS).expect(200);
    await eventually(
      () => http(listings).get('/listings/mine').set(bearer(signIn.body.access_token)),
      (r) => r.status === 200 && r.body.length === 6,
    );
    await seedDemoListings((line) => lines.push(line), { ...DEMO_LANDLORD_CREDENTIALS, ...urls });
    expect(lines).toEqual([expect.stringContaining('created'), expect.stringMatching(/^demo listings: 6 published/), 'demo listings: 6 already there']);
    const found = await eventually(
      () => http(listings).get('/listings').query({ district: 'Majorna' }),
      (r) => r.status === 200 && r.body.total >= 1,
    );
    expect(found.body.items[0]).toMatchObject({ address: 'Järntorget 4', municipality: 'Göteborg', listingType: 'regular' });
  });
});
