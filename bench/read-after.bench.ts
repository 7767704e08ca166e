import { randomUUID } from 'node:crypto';
import { PostgresBus } from '@bostadsko/bus';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { formatCount, formatTable } from './support/table.js';
import { seedLandlord } from './listings/seed.js';
import { connect, percentile, round, send, startListingsApp, stop, token, type Reply } from './listings/support.js';

const DB_PORT = 54353;
const APP_PORT = 3924;
const READS = 2_000;

const progress = (message: string) => console.error(`[read-after] ${new Date().toISOString().slice(11, 19)} ${message}`);

/**
 * What X-Read-After costs a read when the read models have already passed it,
 * as for nearly every page the website shows: a seeker's GET /applications with
 * the session's tokens (the app's own log and the applicants app's) against the
 * same read without the header, interleaved one at a time.
 */
export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('read-after', DB_PORT, ['listings']);
  const url = db.url('listings');
  const pool = sizedPool(url, 2);
  const server = connect(APP_PORT, 1);
  let app: Awaited<ReturnType<typeof startListingsApp>> | undefined;
  try {
    app = await startListingsApp(url, APP_PORT);
    const landlordId = await seedLandlord(pool);
    const landlord = { authorization: `Bearer ${token({ sub: randomUUID(), roles: ['landlord'], landlordId })}` };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const published = await send(server, 'POST', '/listings', landlord, {
      address: 'Järntorget 4',
      municipality: 'Göteborg',
      district: 'Majorna',
      rooms: 2,
      areaM2: 54,
      monthlyRent: 8000,
      floor: 3,
      lift: true,
      moveInDate: day(40),
      listingType: 'regular',
      applicationDeadline: day(10),
    });
    if (published.status !== 201) throw new Error(`publishing failed: ${published.status} ${published.body}`);
    const own = String(published.headers['x-log-position']);
    // The applicants app's relay, as it would have published up to its position 7-1 (the bus log is the app's own database here).
    const bus = new PostgresBus({ log: pool, readModel: pool });
    await bus.publish([], { app: 'applicants', position: { commit: 7n, prepare: 1n } });
    const seeker = { authorization: `Bearer ${token({ sub: randomUUID(), roles: ['applicant'] })}` };
    const withTokens = { ...seeker, 'x-read-after': `${own}, applicants:7-1` };
    progress(`reading with X-Read-After: ${withTokens['x-read-after']}`);

    const plain: Reply[] = [];
    const waited: Reply[] = [];
    for (let i = 0; i < 200 + READS; i++) {
      const [a, b] = [await send(server, 'GET', '/applications', seeker), await send(server, 'GET', '/applications', withTokens)];
      if (b.headers['x-read-stale']) throw new Error(`the read waited and gave up: ${b.headers['x-read-stale']}`);
      if (i >= 200) (plain.push(a), waited.push(b));
    }
    const stats = (replies: Reply[]) => ({
      p50Ms: round(
        percentile(
          replies.map((r) => r.ms),
          50,
        ),
        3,
      ),
      p99Ms: round(
        percentile(
          replies.map((r) => r.ms),
          99,
        ),
        3,
      ),
    });
    const baseline = stats(plain);
    const readAfter = stats(waited);
    console.log(
      formatTable(
        ['GET /applications, one at a time', 'requests', 'p50 ms', 'p99 ms'],
        [
          ['with X-Read-After (two tokens, caught up)', formatCount(READS), String(readAfter.p50Ms), String(readAfter.p99Ms)],
          ['baseline: without the header', formatCount(READS), String(baseline.p50Ms), String(baseline.p99Ms)],
        ],
      ),
    );
    return { reads: READS, readAfter, baseline, extraP50Ms: round(readAfter.p50Ms - baseline.p50Ms, 3) };
  } finally {
    if (app) await stop(app);
    await server.close();
    await pool.end();
    await db.stop();
  }
}
