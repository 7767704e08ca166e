import { jest } from '@jest/globals';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { IntegrationMessage } from '@bostadsko/bus';
import { AgreementStatusChangedV1, ApplicantRegisteredV1, LandlordUserChangedV1, LettingGuidelineChangedV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import { createTestApp, TokenService } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../../test/support/eventually.js';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { ListingReader } from '../listing/listing.reader.js';
import { ListingsModule } from '../listings.module.js';
import { Clock } from '@bostadsko/clock';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { LettingModule } from './letting.module.js';

/** The listings app as its engineer wires it, with the letting module beside it: publish, apply and rank through their API, then let through ours. */
@Module({ imports: [ListingsModule, LettingModule] })
class ListingsWithLetting {}

const today = stockholmDate(new Date());
const deadline = addDays(today, 10);

describe('letting after a ranking made by the listings app', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let tokens: TokenService;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const rows = async (sql: string, params: unknown[] = []) => (await infra.pool.query(sql, params)).rows;
  const publish = (messages: Array<{ type: string; key: string; payload: unknown }>) =>
    infra.bus.publish(
      messages.map(
        (m) => ({ id: randomUUID(), type: m.type, key: m.key, payload: m.payload, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() }) satisfies IntegrationMessage,
      ),
    );

  async function seeker(queueStartDate: string) {
    const id = randomUUID();
    await publish([
      { type: ApplicantRegisteredV1.type, key: id, payload: { applicantId: id, registeredOn: queueStartDate, queueStartDate, birthYear: 1990 } satisfies ApplicantRegisteredV1 },
      {
        type: QueueStandingChangedV1.type,
        key: id,
        payload: { applicantId: id, status: 'active', queueStartDate, effectiveFrom: queueStartDate, reason: 'registered' } satisfies QueueStandingChangedV1,
      },
    ]);
    await eventually(
      () => rows('SELECT status FROM listings.seekers WHERE applicant_id = $1', [id]),
      (r) => r[0]?.status === 'active',
    );
    return { id, token: (await tokens.issue({ id, roles: ['applicant'] })).access_token };
  }

  async function landlord() {
    const id = randomUUID();
    const userId = randomUUID();
    const standard = { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true };
    await publish([
      {
        type: AgreementStatusChangedV1.type,
        key: id,
        payload: { landlordId: id, agreementId: randomUUID(), status: 'active', effectiveFrom: '2020-01-01', reason: 'signed' } satisfies AgreementStatusChangedV1,
      },
      { type: LettingGuidelineChangedV1.type, key: id, payload: { landlordId: id, effectiveFrom: '2020-01-01', standard, byListingType: {} } satisfies LettingGuidelineChangedV1 },
      { type: LandlordUserChangedV1.type, key: id, payload: { landlordId: id, userId, role: 'letting-agent', status: 'active', at: new Date().toISOString() } satisfies LandlordUserChangedV1 },
    ]);
    await eventually(
      () => rows('SELECT jsonb_array_length(agreements) AS a, jsonb_array_length(guidelines) AS g FROM listings.landlords WHERE landlord_id = $1', [id]),
      (r) => r[0]?.a === 1 && r[0]?.g === 1,
    );
    await eventually(
      () => rows('SELECT 1 FROM listings.landlord_users WHERE user_id = $1', [userId]),
      (r) => r.length === 1,
    );
    return { id, token: (await tokens.issue({ id: userId, roles: ['landlord'], landlordId: id })).access_token };
  }

  const flat = (applicationDeadline: string) => ({
    address: 'Järntorget 4',
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 10000,
    floor: 3,
    lift: true,
    moveInDate: addDays(applicationDeadline, 30),
    listingType: 'regular',
    applicationDeadline,
  });
  const declared = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

  beforeAll(async () => {
    process.env.JWT_SECRET = 'letting-wired-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    process.env.DATABASE_URL = await freshDatabase('letting_wired');
    process.env.LISTINGS_JOB_INTERVAL_MS = '0';
    process.env.LETTING_JOB_INTERVAL_MINUTES = '0';
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ListingsWithLetting);
    infra = app.get(INFRASTRUCTURE);
    tokens = app.get(TokenService);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('publish, apply, rank, then showing, interest, verification against the declaration, approval and signing: the listing is let and the tenant applies nowhere else', async () => {
    const owner = await landlord();
    const listing = (await http().post('/listings').set(bearer(owner.token)).send(flat(deadline)).expect(201)).body as { listingId: string };
    const other = (
      await http()
        .post('/listings')
        .set(bearer(owner.token))
        .send(flat(addDays(today, 20)))
        .expect(201)
    ).body as { listingId: string };
    const oldest = await seeker('2010-01-01');
    const middle = await seeker('2015-01-01');
    const newest = await seeker('2020-01-01');
    const applied: Record<string, string> = {};
    for (const [name, s] of Object.entries({ newest, middle, oldest })) {
      applied[name] = (
        await http()
          .post('/applications')
          .set(bearer(s.token))
          .send({ listingId: listing.listingId, ...declared })
          .expect(201)
      ).body.applicationId;
    }
    const elsewhere = (
      await http()
        .post('/applications')
        .set(bearer(oldest.token))
        .send({ listingId: other.listingId, ...declared })
        .expect(201)
    ).body.applicationId as string;

    const shifted = Date.now() + 11 * 86_400_000;
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(shifted));
    await eventually(
      () => rows('SELECT count(*)::int AS n FROM listings.listings'),
      (r) => r[0].n >= 2,
    );
    expect((await http().post('/listings/jobs/close-due').set(bearer(staff)).expect(200)).body.ranked).toContain(listing.listingId);

    const slotDay = addDays(today, 12);
    const showing = await http()
      .post(`/listings/${listing.listingId}/showings`)
      .set(bearer(owner.token))
      .send({ slots: [{ startsAt: `${slotDay}T15:00:00Z`, endsAt: `${slotDay}T16:00:00Z` }] })
      .expect(201);
    expect(showing.body).toMatchObject({ invited: 3 });
    const invitation = await http().get(`/applications/${applied.oldest}/invitation`).set(bearer(oldest.token)).expect(200);
    expect(invitation.body).toMatchObject({ place: 1, of: 3 });

    await http().post(`/applications/${applied.middle}/interest`).set(bearer(middle.token)).send({ interested: false }).expect(200);
    await http().post(`/applications/${applied.oldest}/interest`).set(bearer(oldest.token)).send({ interested: true }).expect(200);
    const toVerify = await http().get(`/listings/${listing.listingId}/letting/verification`).set(bearer(staff)).expect(200);
    expect(toVerify.body).toMatchObject({ applicationId: applied.oldest, declared });
    const verified = await http()
      .post(`/listings/${listing.listingId}/letting/verification`)
      .set(bearer(staff))
      .send({
        applicationId: applied.oldest,
        certificatesReceivedOn: addDays(today, 11),
        householdSize: 2,
        taxableIncome: 360_000,
        nonTaxableIncome: 0,
        birthDate: '1990-01-01',
        hasPaymentRemarks: false,
      })
      .expect(200);
    await http().post(`/listings/${listing.listingId}/proposals/${verified.body.proposalId}/approve`).set(bearer(owner.token)).expect(200);
    await http()
      .post(`/listings/${listing.listingId}/proposals/${verified.body.proposalId}/contract`)
      .set(bearer(owner.token))
      .send({ contractDate: addDays(today, 20) })
      .expect(200);

    const reader = app.get(ListingReader);
    await eventually(
      () => reader.get(listing.listingId),
      (l) => l?.status === 'let',
    );
    const seekers = app.get(SeekerHandler);
    const tenant = await eventually(
      () => seekers.load(`listing-seeker-${oldest.id}`),
      ({ state }) => state.applications[elsewhere]?.status === 'withdrawn',
    );
    expect(tenant.state.applications[elsewhere]).toMatchObject({ status: 'withdrawn', withdrawnReason: 'let-to-seeker-elsewhere' });
    const decliner = await eventually(
      () => seekers.load(`listing-seeker-${middle.id}`),
      ({ state }) => state.applications[applied.middle]?.status === 'withdrawn',
    );
    expect(decliner.state.applications[applied.middle].withdrawnReason).toBe('declined');

    const theirs = await http().get('/listings/audit/allocations').set(bearer(staff)).expect(200);
    expect(theirs.body.differences).toEqual([]);
    const ours = await http().get(`/listings/${listing.listingId}/letting/audit`).set(bearer(staff)).expect(200);
    expect(ours.body).toMatchObject({ consistent: true });
  });
});
