import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { QueueStandingChangedV1 } from '@bostadsko/contracts';
import type { TokenService } from '@bostadsko/platform';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../../test/support/eventually.js';
import { landlordKnownToListings, publishToListings, seekerKnownToListings, startListingsApp, type ListingsAppOnItsOwn } from '../../../../test/support/listings-app.js';
import { flatToPublish } from '../../../../test/support/flat-to-publish.js';
import { Clock } from '@bostadsko/clock';
import { SeekerApplicationsService } from './seeker-applications.service.js';

const today = stockholmDate(new Date());
const deadline = addDays(today, 10);
const problems = 'https://bostadsko.se/problems/listings/';

describe('"may I apply?" on real PostgreSQL', () => {
  let listingsApp: ListingsAppOnItsOwn;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let tokens: TokenService;
  let landlordToken: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const rows = async (sql: string, params: unknown[] = []) => (await infra.pool.query(sql, params)).rows;
  const logPosition = async () => (await rows('SELECT coalesce(max(position), 0)::text AS p FROM es.events'))[0].p as string;

  /** A seeker known to listings through the applicants app's events. */
  const seeker = (birthYear = 1990) => seekerKnownToListings(listingsApp, '2018-01-01', birthYear);

  /** Rent 10 000 a month: the guideline's 3 × 12 × rent is 360 000 a year; no payment remarks. */
  const publishListing = async (over: Record<string, unknown> = {}) => (await http().post('/listings').set(bearer(landlordToken)).send(flatToPublish(over)).expect(201)).body.listingId as string;
  const declaration = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };
  const ask = (token: string, listingId: string, query: Record<string, unknown> = {}) => http().get(`/listings/${listingId}/eligibility`).query(query).set(bearer(token));
  const refusals = async (token: string, listingId: string, query: Record<string, unknown> = {}) => (await ask(token, listingId, query).expect(200)).body.refusals as Array<{ code: string }>;
  const codes = async (token: string, listingId: string, query: Record<string, unknown> = {}) => (await refusals(token, listingId, query)).map((r) => r.code);
  const apply = (token: string, listingId: string) =>
    http()
      .post('/applications')
      .set(bearer(token))
      .send({ listingId, ...declaration });

  beforeAll(async () => {
    listingsApp = await startListingsApp({ database: 'listings_eligibility', jwtSecret: 'listings-int-secret-long-enough-for-hs256-0123456789' });
    ({ app, infra, tokens } = listingsApp);
    landlordToken = (await landlordKnownToListings(listingsApp)).token;
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(() => app?.close());

  test('eligible with and without a declaration, and asking writes nothing', async () => {
    const listingId = await publishListing();
    const s = await seeker();
    const before = await logPosition();
    expect((await ask(s.token, listingId).expect(200)).body).toEqual({ listingId, eligible: true, checkedDeclaration: false, refusals: [] });
    expect((await ask(s.token, listingId, declaration).expect(200)).body).toEqual({ listingId, eligible: true, checkedDeclaration: true, refusals: [] });
    expect(await logPosition()).toBe(before);
    await apply(s.token, listingId).expect(201);
  });

  test('a declaration is checked against every requirement with the figures, as applying would refuse it; without one only the rest', async () => {
    const listingId = await publishListing({ requirements: { incomeMultiple: 3, maxHouseholdSize: 2, noPaymentRemarks: true } });
    const s = await seeker();
    // 3 × 12 × 10 000 = 360 000 required; 300 000 + 30 000 × 1.5 = 345 000 counted.
    const poor = { householdSize: 3, taxableIncome: 300_000, nonTaxableIncome: 30_000, hasPaymentRemarks: true };
    const answer = (await ask(s.token, listingId, poor).expect(200)).body;
    expect(answer).toMatchObject({ eligible: false, checkedDeclaration: true });
    expect(answer.refusals).toEqual([
      { code: 'income-below-multiple', message: expect.stringContaining('×1.5'), required: 360000, actual: 345000 },
      { code: 'household-too-large', message: expect.any(String), required: 2, actual: 3 },
      { code: 'payment-remarks', message: 'The listing requires no payment remarks', required: false, actual: true },
    ]);
    const refused = await http()
      .post('/applications')
      .set(bearer(s.token))
      .send({ listingId, ...poor })
      .expect(422);
    expect(refused.body.failedRequirements).toEqual(answer.refusals);
    expect((await ask(s.token, listingId).expect(200)).body).toMatchObject({ eligible: true, checkedDeclaration: false, refusals: [] });
  });

  test("the age requirements, from the seeker's birth year, with and without a declaration", async () => {
    const youth = await publishListing({ listingType: 'youth' });
    const old = await seeker(Number(deadline.slice(0, 4)) - 26);
    expect(await refusals(old.token, youth)).toEqual([{ code: 'above-max-age', message: expect.any(String), required: 25, actual: 26 }]);
    expect(await codes(old.token, youth, declaration)).toEqual(['above-max-age']);
    const young = await seeker(Number(deadline.slice(0, 4)) - 25);
    expect(await codes(young.token, youth)).toEqual([]);
  });

  test('not in the queue: unknown, deregistered', async () => {
    const listingId = await publishListing();
    const stranger = (await tokens.issue({ id: randomUUID(), roles: ['applicant'] })).access_token;
    expect(await refusals(stranger, listingId)).toEqual([{ code: 'not-in-queue', message: 'Your account is not yet known to the listings service' }]);
    const s = await seeker();
    await publishToListings(infra, [
      { type: QueueStandingChangedV1.type, key: s.id, payload: { applicantId: s.id, status: 'deregistered', queueStartDate: null, effectiveFrom: today, reason: 'annual-fee-unpaid' } },
    ]);
    await eventually(
      () => rows('SELECT status FROM listings.seekers WHERE applicant_id = $1', [s.id]),
      (r) => r[0].status === 'deregistered',
    );
    expect(await codes(s.token, listingId, declaration)).toEqual(['not-in-queue']);
  });

  test('already applied, and the cap of active applications with its limit', async () => {
    const listings = [];
    for (let i = 0; i < 6; i++) listings.push(await publishListing());
    const s = await seeker();
    for (const listingId of listings.slice(0, 5)) await apply(s.token, listingId).expect(201);
    expect(await codes(s.token, listings[0])).toEqual(['already-applied', 'too-many-applications']);
    expect(await refusals(s.token, listings[5], declaration)).toEqual([
      { code: 'too-many-applications', message: 'You already have 5 active applications, the most allowed at once; withdraw one to apply', limit: 5 },
    ]);
    expect((await apply(s.token, listings[5]).expect(422)).body.type).toBe(`${problems}too-many-applications`);
  });

  test('blocked after avhopp, with the date the block ends', async () => {
    const listingId = await publishListing();
    const s = await seeker();
    const applications = app.get(SeekerApplicationsService);
    await applications.recordAvhopp(s.id, { listingId: randomUUID(), applicationId: randomUUID(), on: addDays(today, -20), kind: 'backed-out-after-yes' });
    await applications.recordAvhopp(s.id, { listingId: randomUUID(), applicationId: randomUUID(), on: addDays(today, -10), kind: 'late-certificates' });
    const [blocked] = (await refusals(s.token, listingId)) as Array<{ code: string; blockedUntil: string }>;
    expect(blocked).toMatchObject({ code: 'blocked-after-avhopp', message: expect.stringContaining(blocked.blockedUntil) });
    expect(blocked.blockedUntil > today).toBe(true);
  });

  test('a withdrawn listing and a passed deadline are closed', async () => {
    const withdrawn = await publishListing();
    await http().post(`/listings/${withdrawn}/withdraw`).set(bearer(landlordToken)).expect(200);
    const s = await seeker();
    expect(await refusals(s.token, withdrawn)).toEqual([{ code: 'listing-closed', message: 'This listing does not take applications' }]);
    const open = await publishListing();
    const later = Date.now() + 11 * 86_400_000;
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(later));
    expect(await refusals(s.token, open)).toEqual([{ code: 'listing-closed', message: `The application deadline ${deadline} has passed` }]);
  });

  test('bad input is a 400 naming each field; an unknown listing 404; a token of a seeker is needed', async () => {
    const listingId = await publishListing();
    const s = await seeker();
    const before = await logPosition();
    const bad = await ask(s.token, listingId, { householdSize: 0, taxableIncome: 'lots', nonTaxableIncome: 100_000_001, hasPaymentRemarks: 'maybe', extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'hasPaymentRemarks', 'householdSize', 'nonTaxableIncome', 'taxableIncome']);
    const partial = await ask(s.token, listingId, { householdSize: 2 }).expect(400);
    expect(Object.fromEntries(partial.body.errors.map((e: { field: string; messages: string[] }) => [e.field, e.messages]))).toMatchObject({
      taxableIncome: expect.arrayContaining(['taxableIncome is required with the rest of the declaration']),
      nonTaxableIncome: expect.arrayContaining(['nonTaxableIncome is required with the rest of the declaration']),
      hasPaymentRemarks: expect.arrayContaining(['hasPaymentRemarks is required with the rest of the declaration']),
    });
    await ask(s.token, 'not-a-uuid').expect(400);
    const unknown = await ask(s.token, randomUUID()).expect(404);
    expect(unknown.body).toMatchObject({ status: 404, detail: 'No such listing' });
    const noToken = await http().get(`/listings/${listingId}/eligibility`).expect(401);
    expect(noToken.body).toMatchObject({ status: 401 });
    await ask(landlordToken, listingId).expect(403);
    expect(await logPosition()).toBe(before);
  });

  test('the OpenAPI document describes the operation with its query and responses', async () => {
    const operation = (await http().get('/docs-json').expect(200)).body.paths['/listings/{listingId}/eligibility'].get;
    expect(operation.summary).toContain('May I apply?');
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['listingId', 'householdSize', 'taxableIncome', 'nonTaxableIncome', 'hasPaymentRemarks']));
    // 414, 500 and 503 are the platform's, documented on every operation with path parameters.
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '414', '500', '503']);
  });
});
