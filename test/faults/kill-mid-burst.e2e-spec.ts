import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freePort } from '../../infra/free-port.js';
import { freshDatabase } from '../support/fresh-database.js';
import { ELIGIBLE_DECLARATION, listingBody, seedLandlordAndSeekers } from '../support/listings-burst.js';
import { killed, pause, send as sendTo, startListings, token as signed, type Answer } from './listings-process.js';

const JWT_SECRET = 'kill-mid-burst-secret-long-enough-for-hs256-0123456789';
const SEEKERS = 200;
const IN_FLIGHT = 25;
/** Acknowledged applications before the kill: the rest of the burst is cut or refused a connection. */
const KILL_AFTER = 40;
const ALREADY_APPLIED = 'already-applied';
const token = (claims: { sub: string; roles: string[]; landlordId?: string }) => signed(JWT_SECRET, claims);

/**
 * kill -9 of the listings app in the middle of an application burst, from
 * outside: the app runs in its own process on the run's PostgreSQL, with the
 * bus, as `npm start` runs it. The seekers are in its read model as the
 * applicants app's events would leave them. Every seeker applies once with an
 * Idempotency-Key; the app is killed mid-burst and started again; every request
 * that failed or got no answer is retried with its key until answered. Nothing
 * acknowledged may be lost, nothing doubled, no key stays stuck, and every retry
 * gets the answer its first attempt would have had (issue 18 item 8).
 */
describe('kill -9 of the listings app mid-burst', () => {
  let port: number;
  let env: NodeJS.ProcessEnv;
  let app: ChildProcess | undefined;
  let pool: pg.Pool;

  beforeAll(async () => {
    port = await freePort();
    const databaseUrl = await freshDatabase('faults_listings');
    env = {
      DATABASE_URL: databaseUrl,
      BUS_DATABASE_URL: await freshDatabase('faults_bus'),
      JWT_SECRET,
      LOG_LEVEL: 'error',
      LISTINGS_JOB_INTERVAL_MS: '0',
      SEED_ACCOUNTS: '',
      SMTP_URL: 'smtp://127.0.0.1:9',
    };
    app = await startListings(port, env);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }, 180_000);

  afterAll(async () => {
    if (app) await killed(app);
    await pool?.end();
  });

  const send = (method: string, path: string, headers: Record<string, string>, body: unknown) => sendTo(port, method, path, headers, body);

  test('loses no acknowledged application, doubles none, leaves no key stuck, and answers every retry with its own application', async () => {
    const { landlordId, seekers } = await seedLandlordAndSeekers(pool, SEEKERS);
    const published = await send('POST', '/listings', { authorization: `Bearer ${token({ sub: landlordId, roles: ['landlord'], landlordId })}` }, listingBody());
    expect(published?.status).toBe(201);
    const listingId = published!.body.listingId as string;

    const requests = seekers.map((seeker) => ({ headers: { authorization: `Bearer ${token({ sub: seeker, roles: ['applicant'] })}`, 'idempotency-key': randomUUID() } }));
    const apply = (i: number) => send('POST', '/applications', requests[i]!.headers, { listingId, ...ELIGIBLE_DECLARATION });

    // The burst: IN_FLIGHT at a time; the KILL_AFTER-th acknowledgement kills the app with requests in flight.
    const first: Array<Answer | undefined> = new Array(SEEKERS);
    let acknowledged = 0;
    let next = 0;
    const victim = app!;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < SEEKERS; i = next++) {
          first[i] = await apply(i);
          if (first[i]?.status === 201 && ++acknowledged === KILL_AFTER) victim.kill('SIGKILL');
        }
      }),
    );
    await killed(victim);
    expect(victim.signalCode).toBe('SIGKILL');
    const unanswered = first.flatMap((answer, i) => (answer?.status === 201 ? [] : [i]));
    expect(unanswered.length).toBeGreaterThan(0);
    // Every failure is the kill's: no answer at all, or an answer the client may retry.
    expect(first.filter((answer) => answer !== undefined && answer.status !== 201 && answer.status < 500)).toEqual([]);

    app = await startListings(port, env);

    // Each failed request again with its key, until it has an answer other than "still being processed" or unavailable:
    // a key whose owner was killed must not stay stuck.
    const settled = (answer: Answer | undefined) => answer !== undefined && answer.status < 500 && !(answer.status === 409 && answer.body.code !== ALREADY_APPLIED);
    const final = [...first];
    for (const i of unanswered) {
      for (let attempt = 0; attempt < 200 && !settled(final[i]); attempt++) {
        if (attempt > 0) await pause(100);
        final[i] = await apply(i);
      }
    }
    // A request cut after its application was appended but before its key recorded the answer is answered, on retry,
    // from the seeker's stream (the key is in the event's metadata): the original 201, never 409 already-applied.
    expect(final.filter((answer) => answer?.status !== 201)).toEqual([]);

    const { rows } = await pool.query<{ application_id: string; stream_id: string }>(
      `SELECT data->>'applicationId' AS application_id, stream_id FROM es.events WHERE type = 'application-submitted' AND data->>'listingId' = $1`,
      [listingId],
    );
    const inLog = rows.map((r) => r.application_id);
    // No loss, no doubles: one application per seeker in the log, and each seeker was told that one, retried or not.
    const logged = new Map(rows.map((r) => [r.stream_id, r.application_id]));
    expect(seekers.filter((seeker, i) => final[i]?.body.applicationId !== logged.get(`listing-seeker-${seeker}`))).toEqual([]);
    expect(inLog).toHaveLength(SEEKERS);
    expect(new Set(inLog).size).toBe(SEEKERS);
    expect(new Set(rows.map((r) => r.stream_id)).size).toBe(SEEKERS);
    expect(await pool.query('SELECT 1 FROM platform.idempotency_keys WHERE status IS NULL')).toMatchObject({ rowCount: 0 });

    // A retry of a request acknowledged before the kill replays the same application.
    const before = first.findIndex((answer) => answer?.status === 201);
    expect((await apply(before))?.body.applicationId).toBe(first[before]!.body.applicationId);
  }, 180_000);
});
