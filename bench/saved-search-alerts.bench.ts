import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { queueAlerts, MATCHING_CONDITIONS, MATCHING_SEARCHES, matchingParameters, ALERT_BATCHES_TABLE } from '../apps/messages/src/alerts/listing-matcher.js';
import { MESSAGES_WIRING } from '../apps/messages/src/messages.wiring.js';
import { PolicyService } from '../apps/messages/src/policy/policy.service.js';
import { TriggersConsumer } from '../apps/messages/src/triggers/triggers.consumer.js';
import type { IntegrationMessage } from '@bostadsko/bus';
import type { CommandBus } from '@nestjs/cqrs';
import { stockholmDate } from '@bostadsko/calendar';
import { SystemClock } from '@bostadsko/clock';
import { ListingPublishedV2 } from '@bostadsko/contracts';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { createInfrastructure } from '@bostadsko/runtime';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { formatCount, formatRatio, formatTable } from './support/table.js';
import { perSecond, timed } from './support/timing.js';
import { listingsToPublish, loadSeekersAndSearches } from './saved-search-alerts/load.js';

const PORT = 54356;
const DATA_DIR = './data/bench-saved-search-alerts';
/** SAVED_SEARCH_BENCH_SCALE makes a quick smoke run possible (0.01: 10,000 seekers); the figures that count use 1. */
const SCALE = Number(process.env.SAVED_SEARCH_BENCH_SCALE ?? 1);
const SEEKERS = Math.round(1_000_000 * SCALE);
const SEARCHES = Math.round(200_000 * SCALE);
const LISTINGS = 100;
const GOAL = 0.5;

function progress(message: string): void {
  console.error(`[saved-search-alerts] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

/**
 * The alert path as it runs in the messages app: 100 listings published on the
 * bus as `listings.listing-published.v2`, the app's own triggers consumer
 * matching each against 200,000 saved searches of 1,000,000 seekers and queueing
 * one alert per eligible seeker (messages.search_alerts), timed from the publish
 * to the last alert queued. The floor, in the same run and database: one SELECT
 * per listing of the matching searches (the same conditions), nothing written,
 * nothing delivered; run before and after, the faster counts. Then every match is
 * checked to be queued exactly once, and a redelivery of all 100 to queue nothing.
 */
export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('saved-search-alerts', PORT, ['messages']);
  const pool = sizedPool(db.url('messages'), 8);
  const infra = await createInfrastructure({ app: 'messages', databaseUrl: db.url('messages'), pool, migrations: MESSAGES_WIRING.migrations });
  const clock = new SystemClock();
  // Listings published only queue alerts in the consumer's transaction; none records a message through the command bus.
  const noCommands = { execute: (command: object) => Promise.reject(new Error(`the alerts bench sends no ${command.constructor.name}`)) } as unknown as CommandBus;
  const consumer = new TriggersConsumer(infra, new PersonalDataVault(pool), noCommands, new PolicyService(infra), clock);
  try {
    progress(`loading ${formatCount(SEEKERS)} seekers and ${formatCount(SEARCHES)} saved searches`);
    const loadSeconds = await timed(() => loadSeekersAndSearches(pool, SEEKERS, SEARCHES));
    progress(`loaded in ${loadSeconds.toFixed(1)} s`);
    const listings = listingsToPublish(LISTINGS, stockholmDate(clock.now()));

    const floor = async () => {
      const expected = new Map<string, number>();
      const started = performance.now();
      for (const listing of listings) {
        const { rows } = await pool.query<{ applicant_id: string }>(
          `SELECT $1::uuid AS listing_id, s.applicant_id, s.search_id FROM ${MATCHING_SEARCHES} WHERE ${MATCHING_CONDITIONS}`,
          matchingParameters(listing),
        );
        expected.set(listing.listingId, new Set(rows.map((r) => r.applicant_id)).size);
      }
      return { seconds: (performance.now() - started) / 1000, expected };
    };
    const before = await floor();
    const matches = [...before.expected.values()].reduce((a, b) => a + b, 0);
    progress(`floor: ${formatCount(matches)} matches selected in ${before.seconds.toFixed(2)} s`);

    // Polled from the per-listing counts written with each listing's alerts: summing the queue's arrays every few ms would take the CPU the consumer needs.
    const alertsQueued = async () => Number((await pool.query<{ n: string }>(`SELECT coalesce(sum(alerts), 0) AS n FROM messages.matched_listings`)).rows[0].n);
    const alertsInQueue = async () => Number((await pool.query<{ n: string }>(`SELECT coalesce(sum(cardinality(applicants)), 0) AS n FROM ${ALERT_BATCHES_TABLE}`)).rows[0].n);
    const messages: IntegrationMessage[] = listings.map((l) => ({
      id: `${ListingPublishedV2.type}:${randomUUID()}`,
      type: ListingPublishedV2.type,
      key: l.listingId,
      payload: l,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    }));
    await consumer.onApplicationBootstrap();
    const started = performance.now();
    await infra.bus.publish(messages);
    while ((await alertsQueued()) < matches) await new Promise((r) => setTimeout(r, 20));
    const pathSeconds = (performance.now() - started) / 1000;
    progress(`bus and consumer: ${formatCount(matches)} alerts queued in ${pathSeconds.toFixed(2)} s`);
    const after = await floor();
    const floorSeconds = Math.min(before.seconds, after.seconds);

    // Exactly once: per listing, as many distinct seekers queued as alerts, and as the floor selected.
    const perListing = await pool.query<{ listing_id: string; n: string; distinct_seekers: string }>(
      `SELECT listing_id, count(*) AS n, count(DISTINCT applicant_id) AS distinct_seekers FROM (SELECT listing_id, unnest(applicants) AS applicant_id FROM ${ALERT_BATCHES_TABLE}) a GROUP BY listing_id`,
    );
    const noSeekerTwice = perListing.rows.every((r) => r.n === r.distinct_seekers);
    const queuedPerListing = new Map(perListing.rows.map((r) => [r.listing_id, Number(r.n)]));
    const everyMatchOnce = noSeekerTwice && (await alertsInQueue()) === matches && listings.every((l) => (queuedPerListing.get(l.listingId) ?? 0) === before.expected.get(l.listingId));
    const tx = { query: (sql: string, params?: unknown[]) => pool.query(sql, params) as never };
    for (const message of messages) await consumer.handle(message, tx);
    const requeued: number[] = [];
    for (const listing of listings) requeued.push(await queueAlerts(tx, listing, clock.now()));
    const redeliveryQueuedNothing = (await alertsInQueue()) === matches && requeued.every((n) => n === 0);

    const ratio = floorSeconds / pathSeconds;
    console.log(
      formatTable(
        ['', 'seconds', 'alerts/s', 'ms per listing'],
        [
          ['floor: one SELECT per listing, nothing written', floorSeconds.toFixed(2), formatCount(perSecond(matches, floorSeconds)), ((floorSeconds * 1000) / LISTINGS).toFixed(1)],
          ['published on the bus to every alert queued', pathSeconds.toFixed(2), formatCount(perSecond(matches, pathSeconds)), ((pathSeconds * 1000) / LISTINGS).toFixed(1)],
        ],
      ),
    );
    console.log(
      `${formatCount(SEEKERS)} seekers, ${formatCount(SEARCHES)} saved searches, ${LISTINGS} listings, ${formatCount(matches)} matching seekers (alerts); loaded in ${loadSeconds.toFixed(1)} s (generated inside PostgreSQL)`,
    );
    console.log(
      `ratio ${formatRatio(ratio)} of the floor (goal ≥ ${GOAL}): ${ratio >= GOAL ? 'met' : 'MISSED'}; every match exactly once: ${everyMatchOnce && redeliveryQueuedNothing ? 'yes' : 'NO'}`,
    );
    return {
      seekers: SEEKERS,
      savedSearches: SEARCHES,
      listings: LISTINGS,
      alerts: matches,
      loadSeconds: round(loadSeconds),
      floorSeconds: round(floorSeconds),
      floorAlertsPerSecond: perSecond(matches, floorSeconds),
      pathSeconds: round(pathSeconds),
      alertsPerSecond: perSecond(matches, pathSeconds),
      ratioOfFloor: round(ratio),
      goals: { ratioAtLeastHalf: ratio >= GOAL, everyMatchOnce, redeliveryQueuedNothing },
    };
  } finally {
    await consumer.beforeApplicationShutdown();
    await infra.close();
    await pool.end();
    await db.stop();
    await rm(DATA_DIR, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
