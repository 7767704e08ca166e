import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'undici';
import { DEMO_LANDLORD_CREDENTIALS, seedDemoLandlord } from '../apps/landlords/src/demo/demo-landlord.js';
import { seedDemoListings } from '../apps/listings/src/demo/demo-listings.js';
import { createWebApp } from '../apps/web/src/server/create-web-app.js';
import { loadWebConfig } from '../apps/web/src/web.config.js';
import type { BenchmarkResult } from './support/benchmark.js';
import { startBenchDb } from './support/bench-db.js';
import { cpuMsPer, cpuSeconds } from './support/cpu.js';
import { formatCount, formatRatio, formatTable } from './support/table.js';
import { connect, load, percentile, round, send, startApp, stop, type Reply } from './listings/support.js';

const DB_PORT = 54354;
const APP_PORTS = { applicants: 3931, listings: 3932, landlords: 3933 } as const;
const WEB_PORT = 3934;
const CONCURRENCY = 100;
const REQUESTS = Number(process.env.WEB_BENCH_REQUESTS ?? 8_000);
const ROUNDS = 4;
const WARM_UP = 1_000;
const GOALS = { throughputRatio: 0.5, p99Ratio: 2 };
const SEED_ACCOUNTS = 'staff:staff@bench.se:Staff-bench-1';

const progress = (message: string) => console.error(`[web] ${new Date().toISOString().slice(11, 19)} ${message}`);

interface Target {
  readonly name: string;
  readonly server: Pool;
  readonly path: string;
  /** A word the answer must hold, so an error page or an empty search is not measured as a page. */
  readonly expect: string;
}

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function figures(replies: readonly Reply[], seconds: number): Figures {
  const ms = replies.map((r) => r.ms);
  return { requestsPerSecond: Math.round(replies.length / seconds), p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)) };
}

function checked(target: Target, replies: readonly Reply[]): readonly Reply[] {
  const bad = replies.find((r) => r.status !== 200 || !r.body.includes(target.expect));
  if (bad) throw new Error(`${target.name}: ${bad.status} ${bad.body.slice(0, 300)}`);
  return replies;
}

/**
 * The website's search page and a listing page (signed out) against the
 * listings API calls they are made of, 100 clients in flight, all on
 * 127.0.0.1. The applicants, listings and landlords apps run as `npm start`
 * runs them, each in its own process, with the demo landlord's listings; the
 * website runs in this process (as the browser tests start it), so
 * `node --cpu-prof dist/bench/run.js web` profiles it. The targets take turns
 * in rounds, so the shared machine's noise falls on all of them alike.
 */
export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('web', DB_PORT, ['applicants', 'listings', 'landlords', 'bus']);
  const children: ChildProcess[] = [];
  const api = connect(APP_PORTS.listings, CONCURRENCY);
  const site = connect(WEB_PORT, CONCURRENCY);
  let web: Awaited<ReturnType<typeof createWebApp>> | undefined;
  try {
    const shared = {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SEED_ACCOUNTS,
      BUS_DATABASE_URL: db.url('bus'),
      LOG_LEVEL: 'warn',
      LISTINGS_JOB_INTERVAL_MS: '0',
      LETTING_JOB_INTERVAL_MINUTES: '0',
      FEE_JOB_INTERVAL_MINUTES: '0',
    };
    progress('starting the applicants, listings and landlords apps');
    for (const [name, port] of Object.entries(APP_PORTS)) children.push(await startApp(name, port, { ...shared, DATABASE_URL: db.url(name) }));
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const quiet = () => undefined;
    await seedDemoLandlord(quiet, SEED_ACCOUNTS, url(APP_PORTS.landlords));
    await seedDemoListings(progress, { ...DEMO_LANDLORD_CREDENTIALS, landlordsUrl: url(APP_PORTS.landlords), listingsUrl: url(APP_PORTS.listings) });
    web = await createWebApp(
      loadWebConfig({
        APPLICANTS_URL: url(APP_PORTS.applicants),
        LISTINGS_URL: url(APP_PORTS.listings),
        LANDLORDS_URL: url(APP_PORTS.landlords),
        STATISTICS_URL: url(3935),
        SESSION_KEY: randomBytes(32).toString('base64'),
        // As the browser tests run it: Nest's start-up lines would bury the figures.
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
      }),
    );
    await web.listen(WEB_PORT, '127.0.0.1');

    const found = await send(api, 'GET', '/listings?municipality=G%C3%B6teborg&sort=-published', {});
    const items = (JSON.parse(found.body) as { items?: Array<{ listingId: string; address: string }> }).items ?? [];
    if (found.status !== 200 || items.length === 0) throw new Error(`no demo listings to search: ${found.status} ${found.body.slice(0, 300)}`);
    const { listingId, address } = items[0];
    const targets: Target[] = [
      { name: 'API: GET /listings?municipality=Göteborg&sort=-published', server: api, path: '/listings?municipality=G%C3%B6teborg&sort=-published', expect: address },
      { name: 'page: GET /bostader?municipality=Göteborg', server: site, path: '/bostader?municipality=G%C3%B6teborg', expect: address },
      { name: 'API: GET /listings/<id>', server: api, path: `/listings/${listingId}`, expect: address },
      { name: 'page: GET /bostader/<id>, signed out', server: site, path: `/bostader/${listingId}`, expect: address },
    ];
    // No cookie is sent: every page request is a signed-out visitor's first.
    const request = (target: Target) => () => send(target.server, 'GET', target.path, {});

    progress(`warming up: ${formatCount(WARM_UP)} requests to each of ${targets.length} targets, ${CONCURRENCY} in flight`);
    for (const target of targets) checked(target, (await load(WARM_UP, CONCURRENCY, request(target))).replies);

    const perRound = Math.ceil(REQUESTS / ROUNDS);
    const measured = targets.map(() => ({ replies: [] as Reply[], seconds: 0, rounds: [] as Figures[] }));
    const cpu = targets.map(() => ({ bench: 0, listings: 0, database: 0 }));
    const listingsPid = children[Object.keys(APP_PORTS).indexOf('listings')].pid;
    for (let r = 0; r < ROUNDS; r++) {
      progress(`round ${r + 1} of ${ROUNDS}: ${formatCount(perRound)} requests to each target`);
      // Each round starts with another target, so none is always first after a pause.
      for (let k = 0; k < targets.length; k++) {
        const t = (r + k) % targets.length;
        const cpuBefore = cpuSeconds(listingsPid);
        const { replies, seconds } = await load(perRound, CONCURRENCY, request(targets[t]));
        const used = cpuMsPer(cpuBefore, cpuSeconds(listingsPid), perRound);
        checked(targets[t], replies);
        measured[t].replies.push(...replies);
        measured[t].seconds += seconds;
        measured[t].rounds.push(figures(replies, seconds));
        cpu[t].bench += used.client / ROUNDS;
        cpu[t].listings += used.app / ROUNDS;
        cpu[t].database += used.database / ROUNDS;
      }
    }
    const results = measured.map((m) => figures(m.replies, m.seconds));
    const pairs = [
      { page: 1, api: 0, label: 'search' },
      { page: 3, api: 2, label: 'listing' },
    ].map(({ page, api: apiIndex, label }) => {
      const throughputRatio = round(results[page].requestsPerSecond / results[apiIndex].requestsPerSecond, 3);
      const p99Ratio = round(results[page].p99Ms / results[apiIndex].p99Ms, 3);
      return { label, throughputRatio, p99Ratio, goals: { throughput: throughputRatio >= GOALS.throughputRatio, p99: p99Ratio <= GOALS.p99Ratio } };
    });

    const cpuCell = (t: number) => [cpu[t].bench, cpu[t].listings, cpu[t].database].map((ms) => ms.toFixed(2)).join(' / ');
    console.log(
      formatTable(
        ['target, 100 clients in flight', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req: this process / listings / PostgreSQL'],
        targets.map((target, t) => [target.name, formatCount(measured[t].replies.length), formatCount(results[t].requestsPerSecond), String(results[t].p50Ms), String(results[t].p99Ms), cpuCell(t)]),
      ),
    );
    console.log('');
    const mark = (met: boolean) => (met ? 'met' : 'MISSED');
    console.log(
      formatTable(
        ['page / API', 'req/s ratio', `goal ≥ ${GOALS.throughputRatio}`, 'p99 ratio', `goal ≤ ${GOALS.p99Ratio}×`],
        pairs.map((p) => [p.label, formatRatio(p.throughputRatio), mark(p.goals.throughput), formatRatio(p.p99Ratio), mark(p.goals.p99)]),
      ),
    );
    const summary = (t: number) => ({
      ...results[t],
      eachRound: measured[t].rounds,
      cpuMsPerRequest: { benchProcess: round(cpu[t].bench, 3), listingsApp: round(cpu[t].listings, 3), postgres: round(cpu[t].database, 3) },
    });
    return {
      concurrency: CONCURRENCY,
      requestsPerTarget: perRound * ROUNDS,
      rounds: ROUNDS,
      search: { api: summary(0), page: summary(1), throughputRatio: pairs[0].throughputRatio, p99Ratio: pairs[0].p99Ratio, goals: pairs[0].goals },
      listing: { api: summary(2), page: summary(3), throughputRatio: pairs[1].throughputRatio, p99Ratio: pairs[1].p99Ratio, goals: pairs[1].goals },
    };
  } finally {
    await Promise.all([api.destroy(), site.destroy()]);
    if (web) await web.close();
    for (const child of children.reverse()) await stop(child);
    await db.stop();
  }
}
