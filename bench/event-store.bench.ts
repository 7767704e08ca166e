import type { BenchmarkResult } from './support/benchmark.js';
import { startBenchDb } from './support/bench-db.js';
import { peakRssMb } from './support/memory.js';
import { formatCount, formatRatio, formatTable } from './support/table.js';
import { median, perSecond, timed } from './support/timing.js';
import { EMMETT_READ_ALL, openEmmett } from './event-store/emmett.js';
import type { EventLog, OpenEventLog } from './event-store/event-log.js';
import { openOurs } from './event-store/ours.js';
import { openRawPg } from './event-store/raw-pg.js';
import { appendAll, eventCount, plannedCommits } from './event-store/workload.js';

const PORT = 54340;

const APPENDS = [
  { key: 'w1', label: 'append, 1 writer, 1 event/commit', writers: 1, batch: 1, events: 5_000 },
  { key: 'w8', label: 'append, 8 writers, 1 event/commit', writers: 8, batch: 1, events: 10_000 },
  { key: 'w32', label: 'append, 32 writers, 1 event/commit', writers: 32, batch: 1, events: 20_000 },
  { key: 'batch100', label: 'append, 1 writer, 100 events/commit', writers: 1, batch: 100, events: 20_000 },
] as const;
type AppendKey = (typeof APPENDS)[number]['key'];

/** Enough commits to reach steady state (JIT, pool connections, plan caches) before the clock starts. */
const WARMUP_SHARE = 0.1;

const READ_ALL = { loadEvents: 200_000, loadBatch: 1_000, loadWriters: 2, pageSize: 5_000, passes: 3 };

/** Emmett comes last: opening it changes pg's global type parsers (see openEmmett). */
const SYSTEMS = [
  { name: 'raw', database: 'bench_raw', open: openRawPg },
  { name: 'ours', database: 'bench_ours', open: openOurs },
  { name: 'emmett', database: 'bench_emmett', open: openEmmett },
] as const satisfies readonly { name: string; database: string; open: OpenEventLog }[];
type SystemName = (typeof SYSTEMS)[number]['name'];

interface SystemFigures {
  appends: Record<AppendKey, number>;
  readAll: number;
  eventsRead: number;
}

function progress(message: string): void {
  console.error(`[event-store] ${message}`);
}

async function withLog<T>(open: OpenEventLog, url: string, connections: number, use: (log: EventLog) => Promise<T>): Promise<T> {
  const log = await open(url, connections);
  try {
    return await use(log);
  } finally {
    await log.close();
  }
}

async function measureAppends(open: OpenEventLog, url: string, scenario: (typeof APPENDS)[number]): Promise<number> {
  return withLog(open, url, scenario.writers, async (log) => {
    const { key, writers, batch, events } = scenario;
    await appendAll(log, plannedCommits(`${key}-warmup`, writers, batch, Math.max(writers * batch, events * WARMUP_SHARE)));
    const commits = plannedCommits(key, writers, batch, events);
    await log.checkpoint();
    return perSecond(eventCount(commits), await timed(() => appendAll(log, commits)));
  });
}

/** Made in chunks so the whole load never sits in memory at once. */
async function bulkLoad(log: EventLog): Promise<void> {
  const { loadEvents, loadBatch, loadWriters } = READ_ALL;
  const chunk = loadBatch * loadWriters * 10;
  for (let loaded = 0; loaded < loadEvents; loaded += chunk) {
    await appendAll(log, plannedCommits(`load${loaded}`, loadWriters, loadBatch, Math.min(chunk, loadEvents - loaded)));
  }
}

async function measureReadAll(open: OpenEventLog, url: string): Promise<{ perSecond: number; events: number }> {
  await withLog(open, url, READ_ALL.loadWriters, bulkLoad);
  return withLog(open, url, 1, async (log) => {
    await log.checkpoint();
    const events = await log.readAll(READ_ALL.pageSize);
    const rates: number[] = [];
    for (let pass = 0; pass < READ_ALL.passes; pass++) {
      let read = 0;
      const seconds = await timed(async () => (read = await log.readAll(READ_ALL.pageSize)));
      rates.push(perSecond(read, seconds));
    }
    return { perSecond: median(rates), events };
  });
}

async function measureSystem(open: OpenEventLog, url: string, name: SystemName): Promise<SystemFigures> {
  const appends = {} as Record<AppendKey, number>;
  for (const scenario of APPENDS) {
    appends[scenario.key] = await measureAppends(open, url, scenario);
    progress(`${name} ${scenario.label}: ${formatCount(appends[scenario.key])} events/s`);
  }
  const read = await measureReadAll(open, url);
  progress(`${name} read-all of ${formatCount(read.events)} events: ${formatCount(read.perSecond)} events/s`);
  return { appends, readAll: read.perSecond, eventsRead: read.events };
}

function compare(figures: Record<SystemName, number>) {
  return {
    ...figures,
    ratioRaw: Number((figures.ours / figures.raw).toFixed(3)),
    ratioEmmett: Number((figures.ours / figures.emmett).toFixed(3)),
  };
}

export async function run(): Promise<BenchmarkResult> {
  const started = Date.now();
  const db = await startBenchDb('event-store', PORT, SYSTEMS.map((s) => s.database));
  const measured = {} as Record<SystemName, SystemFigures>;
  try {
    for (const system of SYSTEMS) measured[system.name] = await measureSystem(system.open, db.url(system.database), system.name);
  } finally {
    await db.stop();
  }

  const of = (pick: (figures: SystemFigures) => number) =>
    compare({ raw: pick(measured.raw), ours: pick(measured.ours), emmett: pick(measured.emmett) });
  const appends = Object.fromEntries(APPENDS.map((s) => [s.key, of((f) => f.appends[s.key])])) as Record<AppendKey, ReturnType<typeof compare>>;
  const readAll = { ...of((f) => f.readAll), pageSize: READ_ALL.pageSize, events: measured.ours.eventsRead };
  const rows = [...APPENDS.map((s) => ({ label: s.label, ...appends[s.key] })), { label: `read-all, pages of ${formatCount(READ_ALL.pageSize)}`, ...readAll }];
  console.log(
    formatTable(
      ['scenario (events/s)', 'ours', 'raw pg', 'emmett', 'ours/raw', 'ours/emmett'],
      rows.map((r) => [r.label, formatCount(r.ours), formatCount(r.raw), formatCount(r.emmett), formatRatio(r.ratioRaw), formatRatio(r.ratioEmmett)]),
    ),
  );
  console.log(`read-all over ${formatCount(readAll.events)} events, median of ${READ_ALL.passes} passes; ${EMMETT_READ_ALL}`);

  const allAppends = Object.values(appends);
  const goals = {
    appendsAtLeast0_8OfRaw: allAppends.every((a) => a.ratioRaw >= 0.8),
    readAllAtLeast300k: readAll.ours >= 300_000,
    aheadOfEmmett: [...allAppends, readAll].every((a) => a.ratioEmmett > 1),
  };
  return {
    appends,
    readAll,
    goals,
    events: { ...Object.fromEntries(APPENDS.map((s) => [s.key, s.events])), readAll: readAll.events },
    seconds: Math.round((Date.now() - started) / 1000),
    peakRssMb: peakRssMb(),
  };
}
