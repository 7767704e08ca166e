import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@bostadsko/event-store';
import { PersonalDataVault } from '@bostadsko/personal-data';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { formatCount, formatTable } from './support/table.js';
import { timed } from './support/timing.js';
import { seedLandlord, seedSeekers } from './listings/seed.js';
import { connect, load, percentile, round, send, startBareFastify, startListingsApp, stop, token, type Reply } from './listings/support.js';

const DB_PORT = 54352;
const APP_PORT = 3922;
const BARE_PORT = 3923;
const SEEKERS = Number(process.env.RANKING_BENCH_SEEKERS ?? 1_000_000);
const APPLICATIONS = 5_000;
const READS = 2_000;
const PAGE_SIZE = 100;
const GOAL_P99_MS = 5;

const progress = (message: string) => console.error(`[ranking] ${new Date().toISOString().slice(11, 19)} ${message}`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 300 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stats = (replies: readonly Reply[]) => {
  const bad = replies.find((r) => r.status !== 200);
  if (bad) throw new Error(`a read failed: ${bad.status} ${bad.body.slice(0, 200)}`);
  const ms = replies.map((r) => r.ms);
  return { p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)), bytes: Math.round(replies.reduce((n, r) => n + r.body.length, 0) / replies.length) };
};

/**
 * One listing with 5,000 applications among a million seekers, ranked by the
 * app's own close; then the latency of reading its ranking (a page of 100 at a
 * random place, as staff) and of a seeker reading their own place, one request
 * at a time, next to a bare Fastify GET route.
 */
export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('listings-ranking', DB_PORT, ['listings']);
  const url = db.url('listings');
  const pool = sizedPool(url, 4);
  const appServer = connect(APP_PORT, 1);
  const bareServer = connect(BARE_PORT, 1);
  let app: Awaited<ReturnType<typeof startListingsApp>> | undefined;
  let bare: Awaited<ReturnType<typeof startBareFastify>> | undefined;
  try {
    app = await startListingsApp(url, APP_PORT);
    progress(`seeding ${formatCount(SEEKERS)} seekers in the read model`);
    const seekers = await seedSeekers(pool, SEEKERS, 'ranking');
    const landlordId = await seedLandlord(pool);
    await pool.query('ANALYZE listings.seekers');

    // The deadline has to be in the past for the close to rank: the listing and the applications are written to the log
    // directly, as the deciders would have written them while it was open (the app cannot be made to wait ten days).
    progress(`writing a listing with ${formatCount(APPLICATIONS)} applications to the log`);
    const store = new PostgresEventStore(pool);
    const vault = new PersonalDataVault(pool);
    const listingId = randomUUID();
    const meta = { correlationId: randomUUID(), causationId: null, actor: 'bench' };
    await store.append(
      `listing-${listingId}`,
      [
        {
          id: randomUUID(),
          type: 'listing-published',
          schemaVersion: 1,
          metadata: meta,
          data: {
            listingId,
            landlordId,
            publishedBy: landlordId,
            publishedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
            publishedOn: day(-20),
            flat: { address: 'Rankgatan 1', municipality: 'Göteborg', district: 'Centrum', rooms: 2, areaM2: 55, monthlyRent: 9500, floor: 2, lift: true, moveInDate: day(30), listingType: 'regular' },
            requirements: { incomeMultiple: 3, maxHouseholdSize: 4, minAge: null, maxAge: null, noPaymentRemarks: true },
            applicationDeadline: day(-1),
          },
        },
      ],
      'no_stream',
    );
    const step = Math.floor(SEEKERS / APPLICATIONS);
    const applicants = Array.from({ length: APPLICATIONS }, (_, i) => seekers[i * step]);
    const applications: string[] = [];
    for (const [i, applicantId] of applicants.entries()) {
      const applicationId = randomUUID();
      applications.push(applicationId);
      const declaration = await vault.seal(applicantId, { householdSize: 1 + (i % 5), taxableIncome: 300_000 + (i % 7) * 20_000, nonTaxableIncome: 0, hasPaymentRemarks: i % 50 === 0 });
      await store.append(
        `listing-seeker-${applicantId}`,
        [
          {
            id: randomUUID(),
            type: 'application-submitted',
            schemaVersion: 1,
            metadata: meta,
            data: { applicationId, listingId, submittedAt: new Date(Date.now() - 10 * 86_400_000 + i * 1000).toISOString(), declaration },
          },
        ],
        'any',
      );
    }
    await until('the applications read model', async () => (await pool.query(`SELECT count(*)::int AS n FROM listings.applications WHERE listing_id = $1`, [listingId])).rows[0].n === APPLICATIONS);
    await until('the listings read model', async () => (await pool.query(`SELECT 1 FROM listings.listings WHERE listing_id = $1`, [listingId])).rows.length === 1);

    const staff = { authorization: `Bearer ${token({ sub: randomUUID(), roles: ['staff'] })}` };
    let closed: Reply | undefined;
    const closeSeconds = await timed(async () => (closed = await send(appServer, 'POST', `/listings/${listingId}/close`, staff)));
    if (closed?.status !== 200) throw new Error(`close failed: ${closed?.status} ${closed?.body}`);
    const { eligible } = JSON.parse(closed.body) as { eligible: number };
    progress(`ranked ${formatCount(eligible)} eligible of ${formatCount(APPLICATIONS)} in ${closeSeconds.toFixed(2)} s`);
    await until('the ranking read model', async () => (await pool.query(`SELECT count(*)::int AS n FROM listings.ranking WHERE listing_id = $1`, [listingId])).rows[0].n === APPLICATIONS);

    const pages = Math.ceil(eligible / PAGE_SIZE);
    const rankingPage = (i: number) => send(appServer, 'GET', `/listings/${listingId}/ranking?page=${1 + ((i * 7) % pages)}&pageSize=${PAGE_SIZE}`, staff);
    const seekerAuth = applicants.map((id) => ({ authorization: `Bearer ${token({ sub: id, roles: ['applicant'] })}` }));
    const ownPlace = (i: number) => send(appServer, 'GET', `/applications/${applications[(i * 13) % APPLICATIONS]}`, seekerAuth[(i * 13) % APPLICATIONS]);
    await load(200, 1, rankingPage);
    await load(200, 1, ownPlace);
    const ranking = stats((await load(READS, 1, rankingPage)).replies);
    const place = stats((await load(READS, 1, ownPlace)).replies);
    await stop(app);
    app = undefined;

    bare = await startBareFastify(BARE_PORT);
    const bareRead = (_i: number) => send(bareServer, 'GET', '/ranking', staff);
    await load(200, 1, bareRead);
    const baseline = stats((await load(READS, 1, bareRead)).replies);

    console.log(
      formatTable(
        ['read, one at a time', 'requests', 'p50 ms', 'p99 ms', 'bytes'],
        [
          [`GET /listings/:id/ranking (page of ${PAGE_SIZE})`, formatCount(READS), String(ranking.p50Ms), String(ranking.p99Ms), formatCount(ranking.bytes)],
          ['GET /applications/:id (own place, "place n of m")', formatCount(READS), String(place.p50Ms), String(place.p99Ms), formatCount(place.bytes)],
          ['baseline: bare Fastify GET route', formatCount(READS), String(baseline.p50Ms), String(baseline.p99Ms), formatCount(baseline.bytes)],
        ],
      ),
    );
    const goals = { rankingP99Under5ms: ranking.p99Ms < GOAL_P99_MS, ownPlaceP99Under5ms: place.p99Ms < GOAL_P99_MS };
    console.log(
      `goals: ${Object.entries(goals)
        .map(([goal, met]) => `${goal} ${met ? 'met' : 'MISSED'}`)
        .join(', ')}`,
    );
    return {
      seekers: SEEKERS,
      applications: APPLICATIONS,
      eligible,
      closeSeconds: round(closeSeconds),
      rankingPage: { pageSize: PAGE_SIZE, p50Ms: ranking.p50Ms, p99Ms: ranking.p99Ms },
      ownPlace: { p50Ms: place.p50Ms, p99Ms: place.p99Ms },
      baseline: { p50Ms: baseline.p50Ms, p99Ms: baseline.p99Ms },
      ratioToBaselineP99: round(ranking.p99Ms / baseline.p99Ms),
      goals,
    };
  } finally {
    await Promise.all([appServer.destroy(), bareServer.destroy()]);
    if (app) await stop(app);
    if (bare) await stop(bare);
    await pool.end();
    await db.stop();
  }
}
