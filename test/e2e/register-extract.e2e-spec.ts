import { jest } from '@jest/globals';
import { shareOneBus, startApp } from '../support/all-apps.js';
import { organisationNumber } from '../support/swedish-numbers.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { luhnCheckDigit } from '../../apps/landlords/src/organisation/organisation-number.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { eventually } from '../support/eventually.js';
import { flatToPublish } from '../support/flat-to-publish.js';
import { bearer, http } from '../support/http.js';

const PASSWORD = 'a long enough password';
const today = stockholmDate(new Date());
const deadline = addDays(today, 10);

/** Every personal value the apps store about the seeker, each distinct enough to be found in the extract's text. */
const seeker = {
  personnummer: `19880412-123${luhnCheckDigit('880412123')}`,
  name: 'Ingrid Extraktsson',
  email: 'ingrid.extrakt@example.se',
  phone: '070-123 45 67',
  address: { street: 'Utdragsgatan 17', postalCode: '413 19', city: 'Kungälv' },
};
const declared = { householdSize: 3, taxableIncome: 412_345, nonTaxableIncome: 23_456, hasPaymentRemarks: true };
const verified = { householdSize: 3, taxableIncome: 398_765, nonTaxableIncome: 12_345, birthDate: '1988-04-12', hasPaymentRemarks: false };
const staffReason = 'Ärende 4711: frågan om kötiden';

/**
 * GDPR art. 15 across the system: a seeker registers with every field, applies
 * with a declaration, is verified and proposed to a landlord, gets messages and
 * is looked up by staff with a reason. The five apps' sections together hold
 * every personal value stored; after closing and erasure none of them.
 */
describe('the register extract across the apps, and erasure', () => {
  const apps: Record<'applicants' | 'landlords' | 'listings' | 'messages' | 'statistics', NestFastifyApplication> = {} as never;
  let staff: string;

  beforeAll(async () => {
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    await shareOneBus('extract-across-apps-secret-long-enough-for-hs256-0123');
    // Mail stays in the outbox: the inbox is what the extract shows.
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    process.env.DELIVERY_INTERVAL_MS = '0';
    apps.applicants = await startApp(ApplicantsModule, 'applicants');
    apps.landlords = await startApp(LandlordsModule, 'landlords');
    apps.listings = await startApp(ListingsModule, 'listings');
    apps.messages = await startApp(MessagesModule, 'messages');
    apps.statistics = await startApp(StatisticsModule, 'statistics');
    staff = (await http(apps.applicants).post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(async () => {
    for (const app of Object.values(apps).reverse()) await app?.close();
    for (const name of ['BUS_DATABASE_URL', 'SMTP_URL', 'DELIVERY_INTERVAL_MS']) delete process.env[name];
  });

  /** The combined extract as the website builds it: each app's section for the person. */
  async function combinedExtract(applicantId: string, headers: Record<string, string>) {
    const paths = {
      applicants: `/applicants/${applicantId}/extract`,
      listings: `/listings/people/${applicantId}/extract`,
      landlords: `/landlords/people/${applicantId}/extract`,
      messages: `/messages/people/${applicantId}/extract`,
      statistics: `/statistics/people/${applicantId}/extract`,
    };
    const sections = await Promise.all(
      Object.entries(paths).map(
        async ([app, path]) =>
          (
            await http(apps[app as keyof typeof apps])
              .get(path)
              .set(headers)
              .expect(200)
          ).body,
      ),
    );
    return { sections, text: JSON.stringify(sections) };
  }

  async function onboardLandlord() {
    const registered = await http(apps.landlords)
      .post('/landlords')
      .send({ name: 'Utdrag Bostäder AB', organisationNumber: organisationNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId as string;
    await http(apps.landlords).post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).send({ effectiveFrom: today, terms: 'Standard terms' }).expect(201);
    const email = `agent-${landlordId}@example.se`;
    await http(apps.landlords).post(`/landlords/${landlordId}/users/first-administrator`).set(bearer(staff)).send({ name: 'Lars Agent', email, password: PASSWORD }).expect(201);
    return (await http(apps.landlords).post('/landlords/sign-in').send({ email, password: PASSWORD }).expect(200)).body.access_token as string;
  }

  test('every stored personal value is in the extract; staff reads are logged with the reason; after erasure none remain', async () => {
    const agent = await onboardLandlord();
    const applicantId = (
      await http(apps.applicants)
        .post('/applicants')
        .send({ ...seeker, password: PASSWORD })
        .expect(201)
    ).body.applicantId as string;
    const token = (await http(apps.applicants).post('/applicants/sign-in').send({ personnummer: seeker.personnummer, password: PASSWORD }).expect(200)).body.access_token as string;

    const listingId = (
      await eventually(
        () =>
          http(apps.listings)
            .post('/listings')
            .set(bearer(agent))
            .send(flatToPublish({ monthlyRent: 8000, moveInDate: addDays(deadline, 40), applicationDeadline: deadline })),
        (r) => r.status === 201,
      )
    ).body.listingId as string;
    const applicationId = (
      await eventually(
        () =>
          http(apps.listings)
            .post('/applications')
            .set(bearer(token))
            .send({ listingId, ...declared }),
        (r) => r.status === 201,
      )
    ).body.applicationId as string;

    // The close ranks after the deadline; the showing, the answer, the verification and the proposal follow.
    await eventually(
      () => http(apps.listings).get('/listings/mine').set(bearer(agent)),
      (r) => r.status === 200 && r.body.length === 1,
    );
    jest.spyOn(apps.listings.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + 11 * 86_400_000));
    await http(apps.listings).post('/listings/jobs/close-due').set(bearer(staff)).expect(200);
    await eventually(
      async () => (await http(apps.listings).get(`/applications/${applicationId}`).set(bearer(token)).expect(200)).body.place,
      (p) => p?.place === 1,
    );
    const showingDay = addDays(today, 12);
    await http(apps.listings)
      .post(`/listings/${listingId}/showings`)
      .set(bearer(agent))
      .send({ slots: [{ startsAt: `${showingDay}T15:00:00Z`, endsAt: `${showingDay}T16:00:00Z` }] })
      .expect(201);
    await http(apps.listings).post(`/applications/${applicationId}/interest`).set(bearer(token)).send({ interested: true }).expect(200);
    await http(apps.listings)
      .post(`/listings/${listingId}/letting/verification`)
      .set(bearer(staff))
      .send({ applicationId, certificatesReceivedOn: addDays(today, 11), ...verified })
      .expect(200);

    // Staff look the seeker up: refused without a reason, logged with one.
    await http(apps.applicants).get(`/applicants/${applicantId}`).set(bearer(staff)).expect(400);
    await http(apps.applicants).get(`/applicants/${applicantId}`).set(bearer(staff)).set('x-access-reason', encodeURIComponent(staffReason)).expect(200);

    // The landlord's view and the inbox follow the bus.
    await eventually(
      () => http(apps.landlords).get(`/landlords/people/${applicantId}/extract`).set(bearer(token)),
      (r) => r.body.personalData?.proposals?.length === 1,
    );
    const inbox = await eventually(
      () => http(apps.messages).get('/messages').set(bearer(token)),
      (r) => r.status === 200 && (r.body as unknown[]).length >= 3,
    );
    const messageBodies = (inbox.body as Array<{ subject: string; paragraphs: string[] }>).flatMap((m) => [m.subject, ...m.paragraphs]);

    const { sections, text } = await combinedExtract(applicantId, bearer(token));
    expect(sections.map((s: { app: string }) => s.app)).toEqual(['applicants', 'listings', 'landlords', 'messages', 'statistics']);
    for (const section of sections)
      expect(section).toMatchObject({ controller: expect.any(String), generatedAt: expect.any(String), applicantId, records: expect.any(Array), accessLog: expect.any(Array) });
    const stored = [
      // Kept as twelve digits, without the dash.
      seeker.personnummer.replace('-', ''),
      seeker.name,
      seeker.email,
      seeker.phone,
      seeker.address.street,
      seeker.address.postalCode,
      seeker.address.city,
      '"taxableIncome":412345',
      '"nonTaxableIncome":23456',
      '"householdSize":3',
      '"hasPaymentRemarks":true',
      '"taxableIncome":398765',
      '"nonTaxableIncome":12345',
      verified.birthDate,
      staffReason,
      ...messageBodies,
    ];
    for (const value of stored) expect({ value, found: text.includes(value) }).toEqual({ value, found: true });
    const [applicants, listings, landlords] = sections;
    expect(applicants.accessLog).toEqual([expect.objectContaining({ app: 'applicants', roles: ['staff'], action: 'GET /applicants/:applicantId', reason: staffReason })]);
    expect(listings.records.map((r: { type: string }) => r.type)).toEqual(
      expect.arrayContaining(['application-submitted', 'showing-scheduled', 'interest-answered', 'applicant-verified', 'tenant-proposed']),
    );
    expect(landlords.personalData.proposals[0]).toMatchObject({ listingId, householdSize: 3, requirementsVerified: true });
    expect(text).not.toContain('argon2');

    // Closing and erasure: every app forgets the person; the staff reads stay, without their reasons.
    await http(apps.applicants).post(`/applicants/${applicantId}/close`).set(bearer(token)).expect(200);
    await http(apps.applicants).post(`/applicants/${applicantId}/erase`).set(bearer(staff)).expect(200);
    const asStaff = { ...bearer(staff), 'x-access-reason': 'Erasure check' };
    const after = await eventually(
      () => combinedExtract(applicantId, asStaff),
      (extract) => stored.every((value) => !extract.text.includes(value)),
      30_000,
    );
    for (const value of stored) expect({ value, found: after.text.includes(value) }).toEqual({ value, found: false });
    expect(after.sections[0].accessLog[0]).toMatchObject({ action: 'GET /applicants/:applicantId', reason: '(erased)' });
  }, 120_000);
});
