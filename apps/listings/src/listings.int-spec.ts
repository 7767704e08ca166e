import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import request from 'supertest';
import { AccountClosedV1, AgreementStatusChangedV1, ApplicantDeregisteredV1, ApplicantRegisteredV1, LandlordUserChangedV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import { comparePositions, type PostgresEventStore } from '@bostadsko/event-store';
import { loadCheckpoint } from '@bostadsko/postgres';
import type { TokenService } from '@bostadsko/platform';
import { checkpointName, eventLogSource, rebuildProjection } from '@bostadsko/projections';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { landlordKnownToListings, publishToListings, seekerKnownToListings, startListingsApp, type ListingsAppOnItsOwn } from '../../../test/support/listings-app.js';
import { flatToPublish } from '../../../test/support/flat-to-publish.js';
import { entityDrift, expectRebuildToEqualLive } from '@bostadsko/testing';
import { LISTINGS_ENTITIES } from './listings.entities.js';
import { SeekerApplicationsService } from './applications/seeker-applications.service.js';
import { ListingReader } from './listing/listing.reader.js';
import { ListingHandler } from './listing/listing.stream.js';
import { listingsRebuildTargets } from './listings.rebuild.js';
import { Clock } from '@bostadsko/clock';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { rankingProjection } from './ranking/ranking.projection.js';

const today = stockholmDate(new Date());
const deadline = addDays(today, 10);
const moveIn = addDays(today, 40);

describe('listings app over HTTP on real PostgreSQL', () => {
  let listingsApp: ListingsAppOnItsOwn;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let tokens: TokenService;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const publish = (messages: Array<{ type: string; key: string; payload: unknown }>) => publishToListings(infra, messages);
  const rows = async (sql: string, params: unknown[] = []) => (await infra.pool.query(sql, params)).rows;

  /** A seeker known to listings through the applicants app's events. */
  const seeker = (queueStartDate: string, birthYear = 1990) => seekerKnownToListings(listingsApp, queueStartDate, birthYear);

  /** A landlord with an agreement (active unless said otherwise), a guideline (students one to a household) and one user. */
  const landlord = (status: 'active' | 'suspended' = 'active') =>
    landlordKnownToListings(listingsApp, { status, byListingType: { student: { incomeMultiple: null, maxHouseholdSize: 1, minAge: null, maxAge: null, noPaymentRemarks: false } } });

  const flat = (over: Record<string, unknown> = {}) => flatToPublish({ moveInDate: moveIn, applicationDeadline: deadline, ...over });
  const publishListing = async (token: string, over: Record<string, unknown> = {}) =>
    (await http().post('/listings').set(bearer(token)).send(flat(over)).expect(201)).body as { listingId: string; requirements: Record<string, unknown>; lotterySeedHash?: string };
  const declaration = (over: Record<string, unknown> = {}) => ({ householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false, ...over });
  const apply = (token: string, listingId: string, over: Record<string, unknown> = {}) =>
    http()
      .post('/applications')
      .set(bearer(token))
      .send({ listingId, ...declaration(over) });
  const inReadModel = (applicationId: string) =>
    eventually(
      () => rows('SELECT 1 FROM listings.applications WHERE application_id = $1', [applicationId]),
      (r) => r.length === 1,
    );
  const afterDeadline = (days = 11) => {
    const shifted = Date.now() + days * 86_400_000;
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(shifted));
  };
  const backToToday = () => {
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date());
  };
  const closeDue = async () => {
    const listings = await rows('SELECT count(*)::int AS n FROM listings.listings');
    await eventually(
      () => rows('SELECT count(*)::int AS n FROM listings.listings'),
      (r) => r[0].n >= listings[0].n,
    );
    return (await http().post('/listings/jobs/close-due').set(bearer(staff)).expect(200)).body;
  };
  // Two projections follow a close: the listing's status and its ranking rows.
  const rankedInReadModel = (listingId: string) =>
    eventually(
      () => rows(`SELECT l.status, (SELECT count(*)::int FROM listings.ranking r WHERE r.listing_id = l.listing_id) AS places FROM listings.listings l WHERE l.listing_id = $1`, [listingId]),
      (r) => r[0]?.status !== 'open' && r[0]?.places > 0,
    );

  beforeAll(async () => {
    listingsApp = await startListingsApp({
      database: 'listings',
      jwtSecret: 'listings-int-secret-long-enough-for-hs256-0123456789',
      seedAccounts: 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1',
    });
    ({ app, infra, tokens } = listingsApp);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterEach(backToToday);
  afterAll(() => app?.close());

  test('a landlord with an active agreement publishes; requirements come from its guideline and are shown; others cannot withdraw it', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    expect(listing.requirements).toEqual({ incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true });
    const student = await publishListing(token, { listingType: 'student' });
    expect(student.requirements).toMatchObject({ maxHouseholdSize: 1, incomeMultiple: null });
    const youth = await publishListing(token, { listingType: 'youth', requirements: { noPaymentRemarks: false } });
    expect(youth.requirements).toMatchObject({ minAge: 18, maxAge: 25 });
    const template = await http().get('/listings/requirements-template?listingType=student').set(bearer(token)).expect(200);
    expect(template.body.maxHouseholdSize).toBe(1);

    const other = await landlord();
    await http().post(`/listings/${listing.listingId}/withdraw`).set(bearer(other.token)).expect(403);
    const mine = await http().get('/listings/mine').set(bearer(token)).expect(200);
    expect(mine.body.map((l: { listingId: string }) => l.listingId)).toEqual(expect.arrayContaining([listing.listingId, student.listingId]));
    expect((await http().get('/listings/mine').set(bearer(other.token)).expect(200)).body).toEqual([]);
  });

  test('no active agreement, bad dates or bad fields: a problem, nothing published', async () => {
    const suspended = await landlord('suspended');
    const refused = await http().post('/listings').set(bearer(suspended.token)).send(flat()).expect(422);
    expect(refused.body).toMatchObject({ status: 422, type: 'https://bostadsko.se/problems/listings/no-active-agreement' });
    const { token } = await landlord();
    const late = await http()
      .post('/listings')
      .set(bearer(token))
      .send(flat({ moveInDate: deadline }))
      .expect(422);
    expect(late.body.errors).toEqual([{ field: 'moveInDate', messages: ['must be after the application deadline'] }]);
    const bad = await http()
      .post('/listings')
      .set(bearer(token))
      .send(flat({ rooms: -1, listingType: 'castle', extra: 1 }))
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'listingType', 'rooms']);
    const seekerToken = (await seeker('2015-01-01')).token;
    await http().post('/listings').set(bearer(seekerToken)).send(flat()).expect(403);
    expect((await http().get('/listings/mine').set(bearer(suspended.token)).expect(200)).body).toEqual([]);
  });

  test('search is public: filter by place, rooms, rent, area, type and move-in; sort; page', async () => {
    const { token } = await landlord();
    const district = `D-${randomUUID().slice(0, 8)}`;
    const a = await publishListing(token, { district, rooms: 1, monthlyRent: 6000, areaM2: 30 });
    const b = await publishListing(token, { district, rooms: 3, monthlyRent: 12000, areaM2: 80, listingType: 'senior' });
    const c = await publishListing(token, { district, rooms: 2, monthlyRent: 9000, areaM2: 55 });
    await eventually(
      () => rows('SELECT count(*)::int AS n FROM listings.listings WHERE district = $1', [district]),
      (r) => r[0].n === 3,
    );
    const all = await http().get(`/listings?district=${district}&sort=rent`).expect(200);
    expect(all.body.items.map((l: { listingId: string }) => l.listingId)).toEqual([a.listingId, c.listingId, b.listingId]);
    expect(all.body.total).toBe(3);
    const filtered = await http().get(`/listings?district=${district.toLowerCase()}&roomsMin=2&rentMax=10000&municipality=göteborg`).expect(200);
    expect(filtered.body.items.map((l: { listingId: string }) => l.listingId)).toEqual([c.listingId]);
    expect((await http().get(`/listings?district=${district}&type=senior`).expect(200)).body.items[0]).toMatchObject({ listingId: b.listingId, requirements: { minAge: 55 } });
    expect((await http().get(`/listings?district=${district}&areaMin=50&areaMax=60`).expect(200)).body.total).toBe(1);
    const paged = await http().get(`/listings?district=${district}&sort=-area&pageSize=2&page=2`).expect(200);
    expect(paged.body.items.map((l: { listingId: string }) => l.listingId)).toEqual([a.listingId]);
    expect(
      (
        await http()
          .get(`/listings?district=${district}&moveInFrom=${addDays(moveIn, 1)}`)
          .expect(200)
      ).body.total,
    ).toBe(0);
    const problem = await http().get('/listings?roomsMin=many&sort=price').expect(400);
    expect(problem.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['roomsMin', 'sort']);
    const details = await http().get(`/listings/${b.listingId}`).expect(200);
    expect(details.body).toMatchObject({ status: 'open', listingType: 'senior', monthlyRent: 12000, applicationDeadline: deadline });
    await http().get(`/listings/${randomUUID()}`).expect(404);
  });

  test('the public feed of new listings, Atom and JSON Feed, takes the search filters and answers 304 to a current copy', async () => {
    const { token } = await landlord();
    const district = `F-${randomUUID().slice(0, 8)}`;
    const small = await publishListing(token, { district, rooms: 1, address: 'Små & Trånga <gatan> 1' });
    const large = await publishListing(token, { district, rooms: 4 });
    await eventually(
      () => rows('SELECT count(*)::int AS n FROM listings.listings WHERE district = $1', [district]),
      (r) => r[0].n === 2,
    );
    const atom = await http().get(`/listings/feed.atom?district=${district}`).expect(200);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(atom.headers['cache-control']).toBe('public, max-age=300');
    expect(atom.text).toContain(`<id>urn:uuid:${small.listingId}</id>`);
    expect(atom.text).toContain('Små &#38; Trånga &#60;gatan&#62; 1');
    expect(atom.text).not.toContain('<gatan>');
    const json = await http().get(`/listings/feed.json?district=${district}&roomsMin=2`).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(json.text) as { version: string; items: Array<{ id: string; _bostadsko: { rooms: number } }> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.id)).toEqual([large.listingId]);
    expect(feed.items[0]._bostadsko.rooms).toBe(4);

    await http().get(`/listings/feed.atom?district=${district}`).set('if-none-match', atom.headers.etag).expect(304);
    await http().get(`/listings/feed.atom?district=${district}`).set('if-modified-since', atom.headers['last-modified']).expect(304);
    await http().get(`/listings/feed.atom?district=${district}`).set('if-none-match', '"stale"').expect(200);
    await publishListing(token, { district, rooms: 2 });
    const changed = await eventually(
      () => http().get(`/listings/feed.atom?district=${district}`).set('if-none-match', atom.headers.etag),
      (r) => r.status === 200,
    );
    expect(changed.headers.etag).not.toBe(atom.headers.etag);
    expect((await http().get('/listings/feed.json?roomsMin=many').expect(400)).body.errors[0].field).toBe('roomsMin');
  });

  test('applying: eligibility edges told exactly, the income multiple met exactly, no duplicates, unknown seekers refused', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token, { monthlyRent: 10000 });
    const s = await seeker('2018-03-01');
    // 3 × 10 000 × 12 = 360 000: 300 000 taxable + 40 000 non-taxable × 1.5 = 360 000 exactly.
    const below = await apply(s.token, listing.listingId, { taxableIncome: 300_000, nonTaxableIncome: 39_999 }).expect(422);
    expect(below.body).toMatchObject({ type: 'https://bostadsko.se/problems/listings/not-eligible', failedRequirements: [{ code: 'income-below-multiple', required: 360000, actual: 359998.5 }] });
    const remarks = await apply(s.token, listing.listingId, { hasPaymentRemarks: true, taxableIncome: 1 }).expect(422);
    expect(remarks.body.failedRequirements.map((f: { code: string }) => f.code)).toEqual(['income-below-multiple', 'payment-remarks']);
    const ok = await apply(s.token, listing.listingId, { taxableIncome: 300_000, nonTaxableIncome: 40_000 }).expect(201);
    expect(ok.body).toMatchObject({ listingId: listing.listingId, status: 'active' });
    expect((await apply(s.token, listing.listingId).expect(409)).body.type).toBe('https://bostadsko.se/problems/listings/already-applied');
    const stranger = (await tokens.issue({ id: randomUUID(), roles: ['applicant'] })).access_token;
    expect((await apply(stranger, listing.listingId).expect(422)).body.type).toBe('https://bostadsko.se/problems/listings/not-in-queue');
    await apply(s.token, randomUUID()).expect(404);
    await http().post('/applications').set(bearer(s.token)).send({ listingId: 'x', householdSize: 0 }).expect(400);

    const youth = await publishListing(token, { listingType: 'youth', requirements: { noPaymentRemarks: false } });
    const old = await seeker('2010-01-01', Number(deadline.slice(0, 4)) - 26);
    expect((await apply(old.token, youth.listingId).expect(422)).body.failedRequirements[0]).toMatchObject({ code: 'above-max-age', required: 25, actual: 26 });
    const young = await seeker('2024-01-01', Number(deadline.slice(0, 4)) - 25);
    await apply(young.token, youth.listingId).expect(201);
  });

  test('applying: a bad body, token or content type is a problem naming what is wrong, and writes nothing', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    const s = await seeker('2015-03-03');
    const before = await rows(`SELECT count(*)::int AS n FROM es.events WHERE stream_id = $1`, [`listing-seeker-${s.id}`]);
    const bad = await http().post('/applications').set(bearer(s.token)).send({ listingId: 'x', householdSize: 0, taxableIncome: '1', extra: true }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/applications', correlationId: expect.any(String) });
    expect(Object.fromEntries(bad.body.errors.map((e: { field: string; messages: string[] }) => [e.field, e.messages]))).toEqual({
      listingId: ['listingId must match format "uuid"'],
      householdSize: ['householdSize must be >= 1'],
      taxableIncome: ['taxableIncome must be integer'],
      nonTaxableIncome: ['nonTaxableIncome is required'],
      hasPaymentRemarks: ['hasPaymentRemarks is required'],
      extra: ['extra should not exist'],
    });
    const noToken = await http()
      .post('/applications')
      .send({ listingId: listing.listingId, ...declaration() })
      .expect(401);
    expect(noToken.headers['www-authenticate']).toBe('Bearer');
    expect(noToken.body).toMatchObject({ status: 401, detail: 'A bearer token is required' });
    await http()
      .post('/applications')
      .set({ authorization: 'Bearer forged.token.here' })
      .send({ listingId: listing.listingId, ...declaration() })
      .expect(401);
    expect(
      (
        await http()
          .post('/applications')
          .set(bearer(token))
          .send({ listingId: listing.listingId, ...declaration() })
          .expect(403)
      ).body.status,
    ).toBe(403);
    const notJson = await http().post('/applications').set(bearer(s.token)).set('content-type', 'application/json').send('{"listingId":').expect(400);
    expect(notJson.body).toMatchObject({ status: 400, type: 'about:blank' });
    const text = await http().post('/applications').set(bearer(s.token)).set('content-type', 'text/plain').send('hello').expect(400);
    expect(text.body.errors).toEqual([{ field: 'body', messages: ['body must be object'] }]);
    expect(await rows(`SELECT count(*)::int AS n FROM es.events WHERE stream_id = $1`, [`listing-seeker-${s.id}`])).toEqual(before);

    const once = await apply(s.token, listing.listingId).set('idempotency-key', 'apply-1').expect(201);
    const again = await apply(s.token, listing.listingId).set('idempotency-key', 'apply-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(once.body);
  });

  test('the OpenAPI document describes applying, with its body schema, and reading one application', async () => {
    const document = (await http().get('/docs-json').expect(200)).body;
    expect(document.paths['/applications'].post.requestBody.content['application/json'].schema.required).toContain('householdSize');
    expect(document.paths['/applications'].get).toBeDefined();
    expect(document.paths['/applications/{applicationId}'].get.parameters).toContainEqual({ in: 'path', name: 'applicationId', required: true, schema: { type: 'string', format: 'uuid' } });
  });

  test('at most five active applications, also when applied for all at once; withdrawing frees a place', async () => {
    const { token } = await landlord();
    const listings = await Promise.all(Array.from({ length: 7 }, () => publishListing(token)));
    const s = await seeker('2016-05-05');
    const results = await Promise.all(listings.map((l) => apply(s.token, l.listingId)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 422, 422]);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.type === 'https://bostadsko.se/problems/listings/too-many-applications')).toBe(true);
    const mine = await http().get('/applications').set(bearer(s.token)).expect(200);
    expect(mine.body.filter((a: { status: string }) => a.status === 'active')).toHaveLength(5);
    const first = results.find((r) => r.status === 201)!.body.applicationId;
    const refusedListing = listings[results.findIndex((r) => r.status === 422)].listingId;
    await http().post(`/applications/${first}/withdraw`).set(bearer(s.token)).expect(200);
    await apply(s.token, refusedListing).expect(201);
    const other = await seeker('2016-05-05');
    await http().post(`/applications/${first}/withdraw`).set(bearer(other.token)).expect(404);
    const notYours = await http().get(`/applications/${first}`).set(bearer(other.token)).expect(404);
    expect(notYours.body).toMatchObject({ status: 404, detail: 'No such application among yours' });
    const malformed = await http().get('/applications/not-an-id').set(bearer(s.token)).expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'applicationId', messages: ['applicationId must match format "uuid"'] }]);
    await http().get(`/applications/${first}`).set(bearer(token)).expect(403);
    await http().get(`/applications/${first}`).expect(401);
  });

  test('deadline: ranked once by queue days with the documented tie-breaks; places, explanation, audit and rebuild agree', async () => {
    const { token, id: landlordId } = await landlord();
    const listing = await publishListing(token);
    const oldest = await seeker('2010-01-01');
    const tieA = await seeker('2015-06-01');
    const tieB = await seeker('2015-06-01');
    const newest = await seeker('2023-01-01');
    const poor = await seeker('2005-01-01');
    const applied: Record<string, string> = {};
    for (const [name, s] of Object.entries({ newest, tieB, tieA, oldest })) {
      applied[name] = (await apply(s.token, listing.listingId).expect(201)).body.applicationId;
      await inReadModel(applied[name]);
    }
    const before = await http().get(`/applications/${applied.tieA}`).set(bearer(tieA.token)).expect(200);
    // tieB applied before tieA with the same queue start: tieB ahead.
    expect(before.body.place).toMatchObject({ place: 3, of: 4, final: false, text: 'place 3 of 4' });
    await http().post(`/listings/${listing.listingId}/close`).set(bearer(staff)).expect(422);

    // A seeker deregistered before the deadline is not ranked: excluded as not in the queue.
    applied.poor = (await apply(poor.token, listing.listingId).expect(201)).body.applicationId;
    await inReadModel(applied.poor);
    await publish([
      { type: QueueStandingChangedV1.type, key: poor.id, payload: { applicantId: poor.id, status: 'deregistered', queueStartDate: null, effectiveFrom: today, reason: 'annual-fee-unpaid' } },
    ]);
    await eventually(
      () => rows('SELECT status FROM listings.seekers WHERE applicant_id = $1', [poor.id]),
      (r) => r[0].status === 'deregistered',
    );

    afterDeadline();
    await apply(newest.token, (await publishListing(token, { applicationDeadline: addDays(today, 30), moveInDate: addDays(today, 60) })).listingId).expect(201);
    const late = await seeker('2001-01-01');
    expect((await apply(late.token, listing.listingId).expect(422)).body.type).toBe('https://bostadsko.se/problems/listings/listing-closed');
    await http().post(`/applications/${applied.oldest}/withdraw`).set(bearer(oldest.token)).expect(422);

    // Staff see what awaits them: past its deadline and not yet closed; a listing still open for applications is not theirs yet.
    const due = await http().get('/listings/in-progress').set(bearer(staff)).expect(200);
    expect(due.body).toContainEqual(expect.objectContaining({ listingId: listing.listingId, status: 'open' }));
    expect(due.body.every((l: { applicationDeadline: string; status: string }) => l.status === 'ranked' || l.applicationDeadline <= deadline)).toBe(true);
    await http().get('/listings/in-progress').set(bearer(oldest.token)).expect(403);

    const run = await closeDue();
    expect(run.ranked).toContain(listing.listingId);
    expect((await closeDue()).ranked).not.toContain(listing.listingId);
    const state = await app.get(ListingReader).get(listing.listingId);
    expect(state?.ranked?.ranking.map((r) => r.applicationId)).toEqual([applied.oldest, applied.tieB, applied.tieA, applied.newest]);
    expect(state?.ranked?.excluded).toEqual([{ applicationId: applied.poor, applicantId: poor.id, reasons: ['not-in-queue'] }]);
    expect(state?.ranked?.ranking[0].queueDays).toBe(Math.round((Date.parse(deadline) - Date.parse('2010-01-01')) / 86_400_000));
    expect((await app.get(ListingReader).get(listing.listingId))?.ranked?.landlordId).toBe(landlordId);

    await rankedInReadModel(listing.listingId);
    expect((await http().get('/listings/in-progress').set(bearer(staff)).expect(200)).body).toContainEqual(expect.objectContaining({ listingId: listing.listingId, status: 'ranked' }));
    const place = await http().get(`/applications/${applied.tieA}`).set(bearer(tieA.token)).expect(200);
    expect(place.body.place).toMatchObject({ place: 3, of: 4, final: true, text: 'place 3 of 4' });
    const explained = await http().get(`/applications/${applied.tieA}/explanation`).set(bearer(tieA.token)).expect(200);
    expect(explained.body.ahead).toHaveLength(2);
    expect(JSON.stringify(explained.body.ahead)).not.toContain(oldest.id);
    expect(explained.body.ahead[1].queueStartDate).toBe('2015-06-01');
    const excluded = await http().get(`/applications/${applied.poor}/explanation`).set(bearer(poor.token)).expect(200);
    expect(excluded.body.excludedFor).toEqual(['not-in-queue']);
    const publicView = await http().get(`/listings/${listing.listingId}/explanation`).expect(200);
    expect(publicView.body).toMatchObject({ method: 'queue-days', eligible: 4, applications: 5, excluded: { count: 1, byReason: { 'not-in-queue': 1 } } });
    expect(JSON.stringify(publicView.body)).not.toContain(oldest.id);
    const staffView = await http().get(`/listings/${listing.listingId}/explanation`).set(bearer(staff)).expect(200);
    expect(staffView.body.ranking[0].applicantId).toBe(oldest.id);
    const ranking = await http().get(`/listings/${listing.listingId}/ranking?pageSize=2&page=2`).set(bearer(staff)).expect(200);
    expect(ranking.body.ranking.map((r: { applicationId: string }) => r.applicationId)).toEqual([applied.tieA, applied.newest]);
    await http().get(`/listings/${listing.listingId}/ranking`).set(bearer(token)).expect(403);
    const firstPage = await http().get(`/listings/${listing.listingId}/ranking`).set(bearer(staff)).expect(200);
    expect(firstPage.body).toMatchObject({ page: 1, pageSize: 100, eligible: 4 });
    const badPage = await http().get(`/listings/${listing.listingId}/ranking?page=0&pageSize=many&sort=x`).set(bearer(staff)).expect(400);
    expect(badPage.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['page', 'pageSize', 'sort']);
    await http().get('/listings/not-a-uuid/ranking').set(bearer(staff)).expect(400);
    await http().get(`/listings/${randomUUID()}/ranking`).set(bearer(staff)).expect(404);

    const audit = await http().get('/listings/audit/allocations').set(bearer(staff)).expect(200);
    expect(audit.body.rankingsChecked).toBeGreaterThanOrEqual(1);
    expect(audit.body.differences).toEqual([]);

    // The live projection settles between reads: compare once it has taken in the whole log.
    const head = await (infra.store as PostgresEventStore).headPosition();
    await eventually(
      () => loadCheckpoint(infra.pool, checkpointName(rankingProjection)),
      (at) => at !== undefined && head !== undefined && comparePositions(at, head) >= 0,
    );
    const live = await rows('SELECT * FROM listings.ranking ORDER BY listing_id, application_id');
    await rebuildProjection(infra.pool, rankingProjection, eventLogSource(infra.store), { checkpoint: checkpointName(rankingProjection) });
    expect(await rows('SELECT * FROM listings.ranking ORDER BY listing_id, application_id')).toEqual(live);
  });

  test('first-come ranks by application time; a lottery publishes its seed hash and draws reproducibly', async () => {
    const { token } = await landlord();
    const firstCome = await publishListing(token, { listingType: 'first-come' });
    const lottery = await publishListing(token, { listingType: 'lottery' });
    expect(lottery.lotterySeedHash).toMatch(/^[0-9a-f]{64}$/);
    const seekers = await Promise.all([seeker('2022-01-01'), seeker('2001-01-01'), seeker('2012-01-01')]);
    const order: string[] = [];
    for (const s of seekers) {
      order.push((await apply(s.token, firstCome.listingId).expect(201)).body.applicationId);
      await inReadModel((await apply(s.token, lottery.listingId).expect(201)).body.applicationId);
    }
    await inReadModel(order[2]);
    afterDeadline();
    await closeDue();
    const reader = app.get(ListingReader);
    expect((await reader.get(firstCome.listingId))?.ranked?.ranking.map((r) => r.applicationId)).toEqual(order);
    const drawn = (await reader.get(lottery.listingId))!.ranked!;
    const seed = drawn.lotterySeed!;
    expect(createHash('sha256').update(seed).digest('hex')).toBe(lottery.lotterySeedHash);
    const rerun = seekers
      .map((s) => s.id)
      .sort((a, b) =>
        createHash('sha256')
          .update(seed + a)
          .digest('hex')
          .localeCompare(
            createHash('sha256')
              .update(seed + b)
              .digest('hex'),
          ),
      );
    expect(drawn.ranking.map((r) => r.applicantId)).toEqual(rerun);
    const shown = await http().get(`/listings/${lottery.listingId}`).expect(200);
    expect(shown.body).toMatchObject({ allocationMethod: 'lottery', lotterySeedHash: lottery.lotterySeedHash, lotterySeed: seed, status: 'ranked' });

    // Let to the first: the others' applications end with the listing, so they stop counting towards the cap.
    await app.get(ListingHandler).handleOn(`listing-${firstCome.listingId}`, () => ({ type: 'mark-let', tenantApplicantId: seekers[0].id, applicationId: order[0], contractDate: moveIn }), {
      correlationId: randomUUID(),
      actor: 'test',
    });
    await eventually(
      () => rows('SELECT status FROM listings.listings WHERE listing_id = $1', [firstCome.listingId]),
      (r) => r[0].status === 'let',
    );
    expect((await closeDue()).applicationsEnded).toBe(2);
    const statusOf = async (i: number) => (await http().get(`/applications/${order[i]}`).set(bearer(seekers[i].token)).expect(200)).body;
    expect(await statusOf(0)).toMatchObject({ status: 'active' });
    expect(await statusOf(1)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'listing-ended', place: { place: 2, final: true } });
    const audit = await http().get('/listings/audit/allocations').set(bearer(staff)).expect(200);
    expect(audit.body).toMatchObject({ allocationsChecked: 1, differences: [] });
  });

  test('a deregistered seeker loses open applications; a closed account also has its declarations erased', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    const dereg = await seeker('2019-01-01');
    const closed = await seeker('2019-01-01');
    const a = (await apply(dereg.token, listing.listingId).expect(201)).body.applicationId;
    const b = (await apply(closed.token, listing.listingId).expect(201)).body.applicationId;
    const applications = app.get(SeekerApplicationsService);
    expect(await applications.declaration(closed.id, b)).toEqual(declaration());
    await publish([
      { type: ApplicantDeregisteredV1.type, key: dereg.id, payload: { applicantId: dereg.id, on: today, reason: 'annual-fee-unpaid' } },
      { type: QueueStandingChangedV1.type, key: dereg.id, payload: { applicantId: dereg.id, status: 'deregistered', queueStartDate: null, effectiveFrom: today, reason: 'annual-fee-unpaid' } },
      { type: AccountClosedV1.type, key: closed.id, payload: { applicantId: closed.id, on: today } },
      { type: QueueStandingChangedV1.type, key: closed.id, payload: { applicantId: closed.id, status: 'closed', queueStartDate: null, effectiveFrom: today, reason: 'closed' } },
    ]);
    const status = (t: string, id: string) =>
      http()
        .get(`/applications/${id}`)
        .set(bearer(t))
        .then((r) => r.body);
    expect(
      await eventually(
        () => status(dereg.token, a),
        (v) => v.status === 'withdrawn',
      ),
    ).toMatchObject({ status: 'withdrawn', withdrawnReason: 'deregistered' });
    expect(
      await eventually(
        () => status(closed.token, b),
        (v) => v.status === 'withdrawn',
      ),
    ).toMatchObject({ withdrawnReason: 'account-closed' });
    expect(
      await eventually(
        () => applications.declaration(closed.id, b),
        (d) => d === undefined,
      ),
    ).toBeUndefined();
    await eventually(
      () => rows('SELECT status FROM listings.seekers WHERE applicant_id = $1', [closed.id]),
      (r) => r[0].status === 'closed',
    );
    expect((await apply(closed.token, listing.listingId).expect(422)).body.type).toBe('https://bostadsko.se/problems/listings/not-in-queue');
  });

  test('avhopp: two within twelve months block applying for six months', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    const s = await seeker('2019-01-01');
    const applications = app.get(SeekerApplicationsService);
    await applications.recordAvhopp(s.id, { listingId: randomUUID(), applicationId: randomUUID(), on: addDays(today, -200), kind: 'backed-out-after-yes' });
    await apply(s.token, listing.listingId).expect(201);
    await http()
      .post(`/applications/${(await http().get('/applications').set(bearer(s.token))).body[0].applicationId}/withdraw`)
      .set(bearer(s.token))
      .expect(200);
    const second = { listingId: randomUUID(), applicationId: randomUUID(), on: addDays(today, -10), kind: 'late-certificates' as const };
    await applications.recordAvhopp(s.id, second);
    await applications.recordAvhopp(s.id, second);
    const blocked = await apply(s.token, listing.listingId).expect(422);
    expect(blocked.body).toMatchObject({ type: 'https://bostadsko.se/problems/listings/blocked-after-avhopp' });
    expect(blocked.body.blockedUntil > today).toBe(true);
  });

  test('a removed landlord user is refused at once; a terminated agreement ends open listings and their applications', async () => {
    const owner = await landlord();
    const listing = await publishListing(owner.token);
    const s = await seeker('2017-01-01');
    const applicationId = (await apply(s.token, listing.listingId).expect(201)).body.applicationId;
    await inReadModel(applicationId);
    await publish([
      { type: LandlordUserChangedV1.type, key: owner.id, payload: { landlordId: owner.id, userId: owner.userId, role: 'letting-agent', status: 'removed', at: new Date().toISOString() } },
    ]);
    await eventually(
      () =>
        http()
          .get('/listings/mine')
          .set(bearer(owner.token))
          .then((r) => r.status),
      (code) => code === 401,
    );
    await publish([
      {
        type: AgreementStatusChangedV1.type,
        key: owner.id,
        payload: { landlordId: owner.id, agreementId: randomUUID(), status: 'terminated', effectiveFrom: today, reason: 'terminated by the landlord' },
      },
    ]);
    const ended = await eventually(
      () =>
        http()
          .get(`/listings/${listing.listingId}`)
          .then((r) => r.body),
      (b) => b.status === 'withdrawn',
    );
    expect(ended).toMatchObject({ status: 'withdrawn', endedReason: 'agreement-terminated' });
    expect(
      await eventually(
        () =>
          http()
            .get(`/applications/${applicationId}`)
            .set(bearer(s.token))
            .then((r) => r.body),
        (b) => b.status === 'withdrawn',
      ),
    ).toMatchObject({ withdrawnReason: 'listing-ended' });
  });

  test('applying sees a listing withdrawn a moment ago, though the intake keeps open listings in memory', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    await apply((await seeker('2016-01-01')).token, listing.listingId).expect(201);
    await http().post(`/listings/${listing.listingId}/withdraw`).set(bearer(token)).expect(200);
    const late = await apply((await seeker('2016-01-01')).token, listing.listingId).expect(422);
    expect(late.body).toMatchObject({ type: 'https://bostadsko.se/problems/listings/listing-closed', detail: 'This listing does not take applications' });
  });

  test('integration events for statistics: published, submitted, closed with counts, withdrawn', async () => {
    const { token } = await landlord();
    const listing = await publishListing(token);
    const s = await seeker('2017-01-01');
    await apply(s.token, listing.listingId).expect(201);
    const gone = await publishListing(token);
    await http().post(`/listings/${gone.listingId}/withdraw`).set(bearer(token)).expect(200);
    const topics = ['listings.listing-published.v1', 'listings.application-submitted.v1', 'listings.applications-closed.v1', 'listings.listing-withdrawn.v1'];
    const ofListing = async () =>
      (await infra.postgresBus!.readLog(undefined, topics, 100_000))
        .map((m) => m.message)
        .filter((m) => JSON.stringify(m.payload).includes(listing.listingId) || JSON.stringify(m.payload).includes(gone.listingId));
    await inReadModel(
      (
        await rows('SELECT application_id FROM listings.applications WHERE listing_id = $1', [listing.listingId]).then(async (r) =>
          r.length
            ? r
            : eventually(
                () => rows('SELECT application_id FROM listings.applications WHERE listing_id = $1', [listing.listingId]),
                (x) => x.length === 1,
              ),
        )
      )[0].application_id,
    );
    afterDeadline();
    await closeDue();
    const messages = await eventually(ofListing, (m) => m.length === 5);
    expect(messages.map((m) => m.type).sort()).toEqual([...topics.slice(0, 2), 'listings.listing-published.v1', topics[2], topics[3]].sort());
    expect(messages.find((m) => m.type === 'listings.applications-closed.v1')?.payload).toMatchObject({ listingId: listing.listingId, applications: 1, eligible: 1 });
    expect(JSON.stringify(messages)).not.toContain('taxableIncome');
  });

  test('a poison seeker message: dead-lettered live, then skipped and reported by the allocations audit and the seekers rebuild', async () => {
    const s = await seeker('2018-01-01');
    const poison = {
      id: randomUUID(),
      type: ApplicantRegisteredV1.type,
      key: s.id,
      payload: { registeredOn: '2018-01-01', queueStartDate: '2018-01-01' },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    };
    await infra.bus.publish([poison]);
    const dead = await eventually(
      () => infra.bus.deadLetters('listings.seekers'),
      (d) => d.some((x) => x.message.id === poison.id),
    );
    const reason = `dead-lettered: ${dead.find((x) => x.message.id === poison.id)!.error}`;
    expect(reason).toContain('invalid or missing applicantId');

    const audit = await http().get('/listings/audit/allocations').set(bearer(staff)).expect(200);
    expect(audit.body).toMatchObject({ standingsFrom: 'bus-log', differences: [], skippedMessages: [{ id: poison.id, reason }] });
    expect(audit.body.rankingsChecked).toBeGreaterThanOrEqual(1);

    // `npm run audit -- allocations` as an operator runs it (the compiled command, on this app's database): it
    // completes, finds no difference and names the message it skipped.
    const command = await promisify(execFile)(process.execPath, ['dist/infra/audit.js', 'allocations'], { env: { ...process.env, LOG_LEVEL: 'error' } });
    expect(JSON.parse(command.stdout)).toMatchObject({ audit: 'allocations', standingsFrom: 'bus-log', skippedMessages: 1, differences: 0 });
    expect(command.stderr).toContain(`[audit] skipped 1 bus message(s) as the live seekers consumer did: ${poison.id}`);
    expect(command.stderr).toContain(`[audit]   ${poison.id}: ${reason}`);

    const live = await rows('SELECT * FROM listings.seekers ORDER BY applicant_id');
    const target = await listingsRebuildTargets.seekers(infra);
    await rebuildProjection(infra.pool, target.projection, target.source);
    expect(await rows('SELECT * FROM listings.seekers ORDER BY applicant_id')).toEqual(live);
    expect(target.replay?.skipped).toEqual([{ id: poison.id, reason }]);
  });

  // letting.int-spec.ts drives the letting and checks its participants projection.
  test('the TypeORM entities say what the read-model tables hold', async () => {
    expect(await entityDrift(infra.pool, LISTINGS_ENTITIES)).toEqual([]);
  });

  test('every other projection rebuilt from the log equals the one built live', async () => {
    await expectRebuildToEqualLive(
      infra,
      listingsRebuildTargets,
      Object.keys(listingsRebuildTargets).filter((name) => name !== 'letting-participants'),
    );
  });
});
