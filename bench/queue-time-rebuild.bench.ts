import { rm } from 'node:fs/promises';
import type pg from 'pg';
import { EVENT_STORE_MIGRATIONS } from '@bostadsko/event-store';
import { CHECKPOINT_MIGRATIONS, migrate } from '@bostadsko/postgres';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { formatCount, formatRatio, formatTable } from './support/table.js';
import { perSecond, timed } from './support/timing.js';
import { measureFloor } from './queue-time-rebuild/floor.js';
import { loadHistory } from './queue-time-rebuild/load.js';
import { measureRebuild } from './queue-time-rebuild/rebuild.js';
import { verifyRebuild } from './queue-time-rebuild/verify.js';

const PORT = 54342;
/** Where startBenchDb('queue-time', ...) keeps the cluster; it clears it before, this run after: it holds gigabytes. */
const DATA_DIR = './data/bench-queue-time';
const DATABASE = 'applicants';
/** QUEUE_TIME_BENCH_SEEKERS makes a quick smoke run possible; the figures that count use a million. */
const SEEKERS = Number(process.env.QUEUE_TIME_BENCH_SEEKERS ?? 1_000_000);

const GOALS = { eventsPerSecond: 170_000, shareOfFloor: 0.5, peakRssMb: 1.5 * 1024 };

function progress(message: string): void {
  console.error(`[queue-time-rebuild] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

/** A pool per phase, so no session setting of one phase (the load's) leaks into the next. */
async function withPool<T>(url: string, size: number, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = sizedPool(url, size);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('queue-time', PORT, [DATABASE]);
  const url = db.url(DATABASE);
  let load: { events: number; seconds: number };
  let rebuild: Awaited<ReturnType<typeof measureRebuild>>;
  let floor: Awaited<ReturnType<typeof measureFloor>>;
  let sampled: number;
  try {
    load = await withPool(url, 2, async (pool) => {
      await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...CHECKPOINT_MIGRATIONS]);
      progress(`loading ${formatCount(SEEKERS)} seekers' histories`);
      let events = 0;
      const seconds = await timed(async () => (events = await loadHistory(pool, SEEKERS, progress)));
      progress(`loaded ${formatCount(events)} events in ${seconds.toFixed(0)} s`);
      return { events, seconds };
    });
    rebuild = await withPool(url, 4, (pool) => measureRebuild(pool, progress));
    progress(`rebuilt in ${rebuild.seconds.toFixed(1)} s; measuring the floor`);
    floor = await withPool(url, 1, (pool) => measureFloor(pool, progress));
    progress(`floor in ${floor.seconds.toFixed(1)} s; verifying the rebuilt table`);
    sampled = await withPool(url, 1, (pool) => verifyRebuild(pool, SEEKERS, floor));
  } finally {
    await db.stop();
    await rm(DATA_DIR, { recursive: true, force: true });
  }
  if (rebuild.events !== load.events || floor.events !== load.events) {
    throw new Error(`loaded ${load.events} events, rebuild read ${rebuild.events}, floor read ${floor.events}`);
  }

  const rebuildRate = perSecond(rebuild.events, rebuild.seconds);
  const floorRate = perSecond(floor.events, floor.seconds);
  const ratioToFloor = Number((rebuildRate / floorRate).toFixed(3));
  console.log(
    formatTable(
      ['phase', 'events', 'seconds', 'events/s', 'peak RSS MiB'],
      [
        ['load: generated inside PostgreSQL (not counted)', formatCount(load.events), load.seconds.toFixed(1), formatCount(perSecond(load.events, load.seconds)), '-'],
        ['rebuild: rebuildProjection, queue-time', formatCount(rebuild.events), rebuild.seconds.toFixed(1), formatCount(rebuildRate), formatCount(rebuild.peakRssMb)],
        ['floor: same COPY in stream order + parse + evolve, no writes', formatCount(floor.events), floor.seconds.toFixed(1), formatCount(floorRate), '-'],
      ],
    ),
  );
  console.log(`rebuild/floor ${formatRatio(ratioToFloor)}; verified: ${formatCount(SEEKERS)} rows with the floor's count per status, ${formatCount(sampled)} sampled rows equal to its fold`);
  const goals = {
    atLeast170kPerSecond: rebuildRate >= GOALS.eventsPerSecond,
    atLeastHalfFloor: ratioToFloor >= GOALS.shareOfFloor,
    peakUnder1_5GB: rebuild.peakRssMb < GOALS.peakRssMb,
  };
  console.log(
    `goals: ${Object.entries(goals)
      .map(([goal, met]) => `${goal} ${met ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  return {
    seekers: SEEKERS,
    events: load.events,
    rebuild: { eventsPerSecond: rebuildRate, seconds: Number(rebuild.seconds.toFixed(2)), peakRssMb: rebuild.peakRssMb },
    floor: { eventsPerSecond: floorRate, seconds: Number(floor.seconds.toFixed(2)), method: 'copy' },
    ratioToFloor,
    goals,
  };
}
