import { jest } from '@jest/globals';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../../test/support/eventually.js';
import { landlordKnownToListings, seekerKnownToListings, startListingsApp, type ListingsAppOnItsOwn } from '../../../../test/support/listings-app.js';
import { flatToPublish } from '../../../../test/support/flat-to-publish.js';
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
  let listingsApp: ListingsAppOnItsOwn;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const rows = async (sql: string, params: unknown[] = []) => (await infra.pool.query(sql, params)).rows;

  const seeker = (queueStartDate: string) => seekerKnownToListings(listingsApp, queueStartDate);
  const landlord = () => landlordKnownToListings(listingsApp);
  const flat = (applicationDeadline: string) => flatToPublish({ applicationDeadline, moveInDate: addDays(applicationDeadline, 30) });
  const declared = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

  beforeAll(async () => {
    listingsApp = await startListingsApp({
      database: 'letting_wired',
      jwtSecret: 'letting-wired-secret-long-enough-for-hs256-0123456789',
      seedAccounts: 'staff:staff@test.se:Staff-pass-1',
      module: ListingsWithLetting,
    });
    ({ app, infra } = listingsApp);
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
