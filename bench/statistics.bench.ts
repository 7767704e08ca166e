import { rm } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { LettingSnapshot } from '../apps/statistics/src/reports/letting-snapshot.js';
import { lettingsSeries, queueTimeNeeded, type LettingFilter } from '../apps/statistics/src/reports/lettings.report.js';
import { customPeriod, namedPeriod, type Period } from '../apps/statistics/src/reports/period.js';
import { rawLettingsSeries, rawQueueTimeNeeded } from '../apps/statistics/src/reports/raw-lettings.query.js';
import type { BenchmarkResult } from './support/benchmark.js';
import { sizedPool, startBenchDb } from './support/bench-db.js';
import { peakRssMb } from './support/memory.js';
import { formatCount, formatTable } from './support/table.js';
import { timed } from './support/timing.js';
import { loadLettings } from './statistics/load.js';

const PORT = 54343;
/** Where startBenchDb('statistics', ...) keeps the cluster; it clears it before, this run after. */
const DATA_DIR = './data/bench-statistics';
/** STATISTICS_BENCH_LETTINGS makes a quick smoke run possible; the figures that count use 500,000. */
const LETTINGS = Number(process.env.STATISTICS_BENCH_LETTINGS ?? 500_000);
const STORE_RUNS = 60;
const COLD_RUNS = 7;
const GOALS = { storeP95Ms: 50, coldP95Ms: 1000 };
const THRESHOLD = 5;

function progress(message: string): void {
  console.error(`[statistics] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

async function sample(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(work)) * 1000);
  return samples;
}

interface Case {
  readonly name: string;
  readonly report: 'queue-time-needed' | 'time-series';
  readonly period: Period;
  readonly filter: LettingFilter;
}

const YEAR = namedPeriod('2025')!;
const FIVE_YEARS = customPeriod('2021-01-01', '2025-12-31');
const DISTRICT: LettingFilter = { municipality: 'Göteborg', district: 'Majorna' };
const CASES: Case[] = [
  { name: 'queue time needed, whole city, 2025', report: 'queue-time-needed', period: YEAR, filter: {} },
  { name: 'queue time needed, whole city, 2021-2025', report: 'queue-time-needed', period: FIVE_YEARS, filter: {} },
  { name: 'queue time needed, Majorna, 2025', report: 'queue-time-needed', period: YEAR, filter: DISTRICT },
  { name: 'time series by month, whole city, 2025', report: 'time-series', period: YEAR, filter: {} },
  { name: 'time series by month, whole city, 2021-2025', report: 'time-series', period: FIVE_YEARS, filter: {} },
  { name: 'time series by month, Majorna, 2021-2025', report: 'time-series', period: FIVE_YEARS, filter: DISTRICT },
];

export async function run(): Promise<BenchmarkResult> {
  const db = await startBenchDb('statistics', PORT, ['statistics']);
  const pool = sizedPool(db.url('statistics'), 4);
  try {
    progress(`loading ${formatCount(LETTINGS)} lettings`);
    const loadSeconds = await timed(() => loadLettings(pool, LETTINGS));
    progress(`loaded in ${loadSeconds.toFixed(1)} s; reading them into the in-memory store`);
    const snapshot = new LettingSnapshot(pool);
    const snapshotSeconds = await timed(() => snapshot.current());
    progress(`store ready in ${snapshotSeconds.toFixed(1)} s`);

    const rows: string[][] = [];
    const results: Array<{ case: string; storeP50Ms: number; storeP95Ms: number; coldP95Ms: number; identical: boolean }> = [];
    for (const c of CASES) {
      const query = { period: c.period, filter: c.filter, threshold: THRESHOLD, granularity: 'month' as const };
      // Each store run includes the per-request check for changed rows, as the service does.
      const fromStore = async () => (c.report === 'queue-time-needed' ? queueTimeNeeded(await snapshot.current(), query) : lettingsSeries(await snapshot.current(), query));
      const cold = () => (c.report === 'queue-time-needed' ? rawQueueTimeNeeded(pool, query) : rawLettingsSeries(pool, query));
      const identical = isDeepStrictEqual(await fromStore(), await cold());
      await sample(3, fromStore);
      const store = await sample(STORE_RUNS, fromStore);
      const coldSamples = await sample(COLD_RUNS, cold);
      const figures = { case: c.name, storeP50Ms: round(median(store)), storeP95Ms: round(p95(store)), coldP95Ms: round(p95(coldSamples)), identical };
      results.push(figures);
      rows.push([c.name, figures.storeP50Ms.toFixed(1), figures.storeP95Ms.toFixed(1), round(median(coldSamples)).toFixed(0), figures.coldP95Ms.toFixed(0), identical ? 'yes' : 'NO']);
      progress(`${c.name}: store p95 ${figures.storeP95Ms} ms, cold p95 ${figures.coldP95Ms} ms`);
    }
    console.log(formatTable(['report (500k lettings unless set smaller)', 'store p50 ms', 'store p95 ms', 'cold p50 ms', 'cold p95 ms', 'same figures'], rows));
    console.log(`store: ${formatCount(LETTINGS)} lettings read into columns in ${snapshotSeconds.toFixed(1)} s (once per process, then only changed rows); peak RSS ${formatCount(peakRssMb())} MiB`);
    console.log('cold (baseline): PostgreSQL percentile_cont over the raw lettings rows, no in-memory store');
    const worstStore = Math.max(...results.map((r) => r.storeP95Ms));
    const worstCold = Math.max(...results.map((r) => r.coldP95Ms));
    const goals = {
      storeP95Under50ms: worstStore < GOALS.storeP95Ms,
      coldP95Under1s: worstCold < GOALS.coldP95Ms,
      sameFiguresBothWays: results.every((r) => r.identical),
    };
    console.log(
      `goals: ${Object.entries(goals)
        .map(([goal, met]) => `${goal} ${met ? 'met' : 'MISSED'}`)
        .join(', ')}`,
    );
    return {
      lettings: LETTINGS,
      loadSeconds: round(loadSeconds),
      storeLoadSeconds: round(snapshotSeconds),
      peakRssMb: peakRssMb(),
      worstStoreP95Ms: worstStore,
      worstColdP95Ms: worstCold,
      cases: results,
      goals,
    };
  } finally {
    await pool.end();
    await db.stop();
    await rm(DATA_DIR, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
