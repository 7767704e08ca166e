import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { IntegrationMessage } from '@bostadsko/bus';
import { AgreementStatusChangedV1, ApplicantRegisteredV1, LettingGuidelineChangedV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import { createTestApp, TokenService } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { eventually } from '../../../test/support/eventually.js';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { ListingsModule } from './listings.module.js';

const today = stockholmDate(new Date());
const DECLARATION = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

/**
 * The HTTP behaviour of the listings app's own writes (publish, withdraw a
 * listing, apply, withdraw an application), pinned so that a change of how
 * commands are handled inside cannot change what a client sees: statuses,
 * problem codes, retries under concurrency, the ids every event carries, and
 * the fast routes answering exactly as the Nest routes do.
 */
describe('listings writes over HTTP, as clients see them', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let tokens: TokenService;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const rows = async <R extends object>(sql: string, params: unknown[] = []) => (await infra.pool.query<R>(sql, params)).rows;

  const publish = (messages: Array<{ type: string; key: string; payload: unknown }>) =>
    infra.bus.publish(
      messages.map(
        (m) => ({ id: randomUUID(), type: m.type, key: m.key, payload: m.payload, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() }) satisfies IntegrationMessage,
      ),
    );

  /** Seekers in the queue since 2015, as the applicants app's events leave them in this app's read model. */
  async function seekers(count: number): Promise<Array<{ id: string; token: string }>> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await publish(
      ids.flatMap((id) => [
        { type: ApplicantRegisteredV1.type, key: id, payload: { applicantId: id, registeredOn: '2015-01-01', queueStartDate: '2015-01-01', birthYear: 1985 } satisfies ApplicantRegisteredV1 },
        {
          type: QueueStandingChangedV1.type,
          key: id,
          payload: { applicantId: id, status: 'active', queueStartDate: '2015-01-01', effectiveFrom: '2015-01-01', reason: 'registered' } satisfies QueueStandingChangedV1,
        },
      ]),
    );
    await eventually(
      () => rows<{ n: number }>(`SELECT count(*)::int AS n FROM listings.seekers WHERE applicant_id = ANY($1::uuid[]) AND status = 'active' AND birth_year IS NOT NULL`, [ids]),
      (r) => r[0].n === count,
    );
    return Promise.all(ids.map(async (id) => ({ id, token: (await tokens.issue({ id, roles: ['applicant'] })).access_token })));
  }

  async function landlord(): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    await publish([
      {
        type: AgreementStatusChangedV1.type,
        key: id,
        payload: { landlordId: id, agreementId: randomUUID(), status: 'active', effectiveFrom: '2020-01-01', reason: 'signed' } satisfies AgreementStatusChangedV1,
      },
      {
        type: LettingGuidelineChangedV1.type,
        key: id,
        payload: {
          landlordId: id,
          effectiveFrom: '2020-01-01',
          standard: { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true },
          byListingType: {},
        } satisfies LettingGuidelineChangedV1,
      },
    ]);
    await eventually(
      () => rows<{ a: number; g: number }>('SELECT jsonb_array_length(agreements) AS a, jsonb_array_length(guidelines) AS g FROM listings.landlords WHERE landlord_id = $1', [id]),
      (r) => r[0]?.a === 1 && r[0]?.g === 1,
    );
    return { id, token: (await tokens.issue({ id: randomUUID(), roles: ['landlord'], landlordId: id })).access_token };
  }

  const flat = {
    address: 'Skanstorget 2',
    municipality: 'Göteborg',
    district: 'Haga',
    rooms: 2,
    areaM2: 50,
    monthlyRent: 9000,
    floor: 1,
    lift: false,
    moveInDate: addDays(today, 40),
    listingType: 'regular',
    applicationDeadline: addDays(today, 10),
  };
  const publishListing = async (token: string) => (await http().post('/listings').set(bearer(token)).send(flat).expect(201)).body.listingId as string;
  const apply = (token: string, listingId: string) =>
    http()
      .post('/applications')
      .set(bearer(token))
      .send({ listingId, ...DECLARATION });
  const streamEvents = (streamId: string) =>
    rows<{ id: string; type: string; metadata: Record<string, unknown> }>('SELECT event_id::text AS id, type, metadata FROM es.events WHERE stream_id = $1 ORDER BY revision', [streamId]);
  /** A problem without what differs between two routes by design: where it was asked and under which correlation id. */
  const sansRequest = ({ instance: _instance, correlationId: _correlationId, ...problem }: Record<string, unknown>) => problem;

  beforeAll(async () => {
    process.env.JWT_SECRET = 'listings-writes-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    process.env.DATABASE_URL = await freshDatabase('listings_writes');
    process.env.LISTINGS_JOB_INTERVAL_MS = '0';
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ListingsModule);
    infra = app.get(INFRASTRUCTURE);
    tokens = app.get(TokenService);
  });

  afterAll(() => app?.close());

  test('the fast routes (apply, own application) answer refusals exactly as the Nest routes beside them do', async () => {
    const owner = await landlord();
    const listingId = await publishListing(owner.token);
    const [seeker, other] = await seekers(2);
    const applicationId = (await apply(seeker.token, listingId).expect(201)).body.applicationId as string;

    // No token, a forged one, the wrong role: the fast routes (POST /applications, GET /applications/:id) and Nest's (GET /applications, POST …/withdraw).
    const unauthenticated = [
      await http()
        .post('/applications')
        .send({ listingId, ...DECLARATION }),
      await http().get(`/applications/${applicationId}`),
      await http().get('/applications'),
      await http().post(`/applications/${applicationId}/withdraw`),
    ];
    expect(unauthenticated.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(unauthenticated.map((r) => r.headers['www-authenticate'])).toEqual(['Bearer', 'Bearer', 'Bearer', 'Bearer']);
    expect(unauthenticated.map((r) => r.headers['content-type'])).toEqual(Array(4).fill('application/problem+json; charset=utf-8'));
    expect(new Set(unauthenticated.map((r) => JSON.stringify(sansRequest(r.body))))).toEqual(
      new Set([JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'A bearer token is required' })]),
    );
    expect(unauthenticated.map((r) => r.body.instance)).toEqual(['/applications', `/applications/${applicationId}`, '/applications', `/applications/${applicationId}/withdraw`]);

    const forged = { authorization: 'Bearer forged.token.here' };
    const badToken = [
      await http()
        .post('/applications')
        .set(forged)
        .send({ listingId, ...DECLARATION }),
      await http().post(`/applications/${applicationId}/withdraw`).set(forged),
    ];
    expect(badToken.map((r) => [r.status, sansRequest(r.body)])).toEqual([
      [401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The bearer token is invalid or has expired' }],
      [401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The bearer token is invalid or has expired' }],
    ]);

    const wrongRole = [
      await http()
        .post('/applications')
        .set(bearer(owner.token))
        .send({ listingId, ...DECLARATION }),
      await http().get(`/applications/${applicationId}`).set(bearer(owner.token)),
      await http().post(`/applications/${applicationId}/withdraw`).set(bearer(owner.token)),
    ];
    expect(wrongRole.map((r) => [r.status, sansRequest(r.body)])).toEqual(
      Array(3).fill([403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Requires one of the roles: applicant' }]),
    );

    // Another seeker's application does not exist for them, through either kind of route.
    const notYours = [await http().get(`/applications/${applicationId}`).set(bearer(other.token)), await http().post(`/applications/${applicationId}/withdraw`).set(bearer(other.token))];
    expect(notYours.map((r) => [r.status, sansRequest(r.body)])).toEqual(Array(2).fill([404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such application among yours' }]));

    // A malformed id is a 400 problem from both; the fast route names the field, Nest's ParseUUIDPipe only says what it expected.
    const malformed = [await http().get('/applications/not-an-id').set(bearer(seeker.token)), await http().post('/applications/not-an-id/withdraw').set(bearer(seeker.token))];
    expect(malformed.map((r) => sansRequest(r.body))).toEqual([
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The request is invalid; see errors for each field.',
        errors: [{ field: 'applicationId', messages: ['applicationId must match format "uuid"'] }],
      },
      { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Validation failed (uuid is expected)' },
    ]);

    // The correlation id a caller sends comes back from both.
    const correlated = [
      await http().get(`/applications/${applicationId}`).set(bearer(seeker.token)).set('x-correlation-id', 'fast-1'),
      await http().get('/applications').set(bearer(seeker.token)).set('x-correlation-id', 'nest-1'),
    ];
    expect(correlated.map((r) => r.headers['x-correlation-id'])).toEqual(['fast-1', 'nest-1']);
  });

  test('an Idempotency-Key replays the first answer on the fast and the Nest route alike, and refuses another body under it', async () => {
    const owner = await landlord();
    const [first, second] = [await publishListing(owner.token), await publishListing(owner.token)];
    const [seeker] = await seekers(1);
    const key = { 'idempotency-key': `apply-${randomUUID()}` };
    const applied = await apply(seeker.token, first).set(key).expect(201);
    const replayed = await apply(seeker.token, first).set(key).expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(applied.body);
    const otherBody = await apply(seeker.token, second).set(key).expect(422);
    expect(sansRequest(otherBody.body)).toEqual({ type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail: 'This Idempotency-Key was used for a different request' });

    const withdrawKey = { 'idempotency-key': `withdraw-${randomUUID()}` };
    const withdrawn = await http().post(`/applications/${applied.body.applicationId}/withdraw`).set(bearer(seeker.token)).set(withdrawKey).expect(200);
    const again = await http().post(`/applications/${applied.body.applicationId}/withdraw`).set(bearer(seeker.token)).set(withdrawKey).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(withdrawn.body);
    expect((await streamEvents(`listing-seeker-${seeker.id}`)).map((e) => e.type)).toEqual(['application-submitted', 'application-withdrawn']);
  });

  test('a listing published again after the answer was lost (killed between the append and recording it) is the same listing, one stream; a lottery keeps its seed', async () => {
    const owner = await landlord();
    for (const listingType of ['regular', 'lottery']) {
      const key = `publish-lost-${randomUUID()}`;
      const send = () =>
        http()
          .post('/listings')
          .set(bearer(owner.token))
          .set('idempotency-key', key)
          .send({ ...flat, listingType });
      const first = await send().expect(201);
      const seed = await rows('SELECT seed FROM listings.lottery_seeds WHERE listing_id = $1', [first.body.listingId]);
      // What a kill -9 after the append leaves: a claim with no outcome whose owner is gone.
      await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', [key]);
      const retry = await send().expect(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(retry.body).toEqual(first.body);
      const published = await rows(`SELECT stream_id FROM es.events WHERE type = 'listing-published' AND data->>'landlordId' = $1 AND data->'flat'->>'listingType' = $2`, [owner.id, listingType]);
      expect(published).toEqual([{ stream_id: `listing-${first.body.listingId}` }]);
      expect(await rows('SELECT seed FROM listings.lottery_seeds WHERE listing_id = $1', [first.body.listingId])).toEqual(seed);
    }
  });

  test('business rules refuse with 409 or 422 and a code and write nothing; repeating a withdrawal is answered, not refused', async () => {
    const owner = await landlord();
    const listingId = await publishListing(owner.token);
    const [seeker] = await seekers(1);
    const applicationId = (await apply(seeker.token, listingId).expect(201)).body.applicationId as string;
    const twice = await apply(seeker.token, listingId).expect(409);
    expect(twice.body).toMatchObject({ status: 409, code: 'already-applied', type: 'https://bostadsko.se/problems/listings/already-applied' });
    await http().post(`/applications/${applicationId}/withdraw`).set(bearer(seeker.token)).expect(200);
    const withdrawnTwice = await http().post(`/applications/${applicationId}/withdraw`).set(bearer(seeker.token)).expect(200);
    expect(withdrawnTwice.body).toMatchObject({ applicationId, status: 'withdrawn', withdrawnReason: 'by-seeker' });

    await http().post(`/listings/${listingId}/withdraw`).set(bearer(owner.token)).expect(200);
    const endedTwice = await http().post(`/listings/${listingId}/withdraw`).set(bearer(owner.token)).expect(200);
    expect(endedTwice.body).toMatchObject({ listingId, status: 'withdrawn', endedReason: 'withdrawn-by-landlord' });
    const stranger = await landlord();
    const notTheirs = await http().post(`/listings/${listingId}/withdraw`).set(bearer(stranger.token)).expect(403);
    expect(notTheirs.body).toMatchObject({ status: 403 });
    const closed = await apply((await seekers(1))[0].token, listingId).expect(422);
    expect(closed.body).toMatchObject({ code: 'listing-closed', type: 'https://bostadsko.se/problems/listings/listing-closed' });
    expect((await streamEvents(`listing-seeker-${seeker.id}`)).map((e) => e.type)).toEqual(['application-submitted', 'application-withdrawn']);
    expect((await streamEvents(`listing-${listingId}`)).map((e) => e.type)).toEqual(['listing-published', 'listing-withdrawn']);
  });

  test('concurrent writers: a burst at one listing all get in, and a seeker changing their stream from several requests at once is retried, not refused', async () => {
    const owner = await landlord();
    const listingId = await publishListing(owner.token);
    const burst = await seekers(40);
    const answers = await Promise.all(burst.map((s) => apply(s.token, listingId)));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(new Set(answers.map((r) => r.body.applicationId)).size).toBe(40);
    const inLog = await rows<{ stream_id: string }>(`SELECT stream_id FROM es.events WHERE type = 'application-submitted' AND data->>'listingId' = $1`, [listingId]);
    expect(new Set(inLog.map((r) => r.stream_id))).toEqual(new Set(burst.map((s) => `listing-seeker-${s.id}`)));

    // One seeker, four requests on their own stream at once: two withdrawals and two applies, each decided on the state the others left.
    const [seeker] = await seekers(1);
    const listings = await Promise.all(Array.from({ length: 4 }, () => publishListing(owner.token)));
    const [a, b] = await Promise.all(listings.slice(0, 2).map(async (l) => (await apply(seeker.token, l).expect(201)).body.applicationId as string));
    const together = await Promise.all([
      http().post(`/applications/${a}/withdraw`).set(bearer(seeker.token)),
      apply(seeker.token, listings[2]),
      http().post(`/applications/${b}/withdraw`).set(bearer(seeker.token)),
      apply(seeker.token, listings[3]),
    ]);
    expect(together.map((r) => r.status)).toEqual([200, 201, 200, 201]);
    const mine = (await http().get('/applications').set(bearer(seeker.token)).expect(200)).body as Array<{ listingId: string; status: string }>;
    expect(Object.fromEntries(mine.map((m) => [m.listingId, m.status]))).toEqual({ [listings[0]]: 'withdrawn', [listings[1]]: 'withdrawn', [listings[2]]: 'active', [listings[3]]: 'active' });
  });

  test("every event a write appends carries the request's correlation id, the request as its cause, and who decided", async () => {
    const owner = await landlord();
    const ownerId = tokens.userOf(owner.token)!.id;
    const published = await http().post('/listings').set(bearer(owner.token)).set('x-correlation-id', 'publish-1').send(flat).expect(201);
    const listingId = published.body.listingId as string;
    const [seeker, bystander] = await seekers(2);
    const applied = await apply(seeker.token, listingId).set('x-correlation-id', 'apply-1').expect(201);
    await apply(bystander.token, listingId).set('x-correlation-id', 'apply-2').expect(201);
    await http().post(`/applications/${applied.body.applicationId}/withdraw`).set(bearer(seeker.token)).set('x-correlation-id', 'withdraw-1').expect(200);
    // Ending a listing withdraws its open applications under the same request.
    await eventually(
      () => rows('SELECT 1 FROM listings.applications WHERE listing_id = $1', [listingId]),
      (r) => r.length === 2,
    );
    await http().post(`/listings/${listingId}/withdraw`).set(bearer(owner.token)).set('x-correlation-id', 'end-1').expect(200);

    const metadataOf = async (streamId: string) => (await streamEvents(streamId)).map(({ type, metadata: { correlationId, causationId, actor } }) => ({ type, correlationId, causationId, actor }));
    expect(await metadataOf(`listing-${listingId}`)).toEqual([
      { type: 'listing-published', correlationId: 'publish-1', causationId: 'publish-1', actor: ownerId },
      { type: 'listing-withdrawn', correlationId: 'end-1', causationId: 'end-1', actor: ownerId },
    ]);
    expect(await metadataOf(`listing-seeker-${seeker.id}`)).toEqual([
      { type: 'application-submitted', correlationId: 'apply-1', causationId: 'apply-1', actor: seeker.id },
      { type: 'application-withdrawn', correlationId: 'withdraw-1', causationId: 'withdraw-1', actor: seeker.id },
    ]);
    expect(await metadataOf(`listing-seeker-${bystander.id}`)).toEqual([
      { type: 'application-submitted', correlationId: 'apply-2', causationId: 'apply-2', actor: bystander.id },
      { type: 'application-withdrawn', correlationId: 'end-1', causationId: 'end-1', actor: ownerId },
    ]);
  });
});
