import type { BenchmarkResult } from './support/benchmark.js';
import { startBenchDb, type BenchDb } from './support/bench-db.js';
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
  { key: 'w1', label: 'append, 1 writer, 1 event/commit', writers: 1, batch: 1, events: 4_500 },
  { key: 'w8', label: 'append, 8 writers, 1 event/commit', writers: 8, batch: 1, events: 9_600 },
  { key: 'w32', label: 'append, 32 writers, 1 event/commit', writers: 32, batch: 1, events: 19_200 },
  { key: 'batch100', label: 'append, 1 writer, 100 events/commit', writers: 1, batch: 100, events: 60_000 },
] as const;
type AppendKey = (typeof APPENDS)[number]['key'];

/**
 * This host's fsync and CPU speed drift by several times within minutes, so
 * each scenario is cut into rounds that visit the systems in turn (in a
 * rotating order) and the median round counts: drift hits all systems alike.
 */
const ROUNDS = 3;

/** Enough commits to reach steady state (JIT, pool connections, plan caches) before the clock starts. */
const WARMUP_SHARE = 0.1;

const READ_ALL = { loadEvents: 200_000, loadBatch: 1_000, loadWriters: 2, pageSize: 5_000 };

const SYSTEMS = [
  { name: 'raw', database: 'bench_raw', open: openRawPg },
  { name: 'ours', database: 'bench_ours', open: openOurs },
  { name: 'emmett', database: 'bench_emmett', open: openEmmett },
] as const satisfies readonly { name: string; database: string; open: OpenEventLog }[];
type SystemName = (typeof SYSTEMS)[number]['name'];
type PerSystem<T> = Record<SystemName, T>;

function progress(message: string): void {
  console.error(`[event-store] ${message}`);
}

async function openAll(db: BenchDb, connections: number): Promise<PerSystem<EventLog>> {
  const logs: Partial<PerSystem<EventLog>> = {};
  try {
    for (const system of SYSTEMS) logs[system.name] = await system.open(db.url(system.database), connections);
    return logs as PerSystem<EventLog>;
  } catch (error) {
    await closeAll(logs);
    throw error;
  }
}

async function closeAll(logs: Partial<PerSystem<EventLog>>): Promise<void> {
  await Promise.all(Object.values(logs).map((log) => log.close()));
}

/** Runs `measure` once per system per round, in rotating order; the median per system. */
async function interleaved(rounds: number, measure: (system: SystemName, round: number) => Promise<number>): Promise<PerSystem<number>> {
  const rates: PerSystem<number[]> = { raw: [], ours: [], emmett: [] };
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < SYSTEMS.length; turn++) {
      const { name } = SYSTEMS[(round + turn) % SYSTEMS.length];
      rates[name].push(await measure(name, round));
    }
  }
  return { raw: median(rates.raw), ours: median(rates.ours), emmett: median(rates.emmett) };
}

async function measureAppends(db: BenchDb, scenario: (typeof APPENDS)[number]): Promise<PerSystem<number>> {
  const { key, writers, batch, events } = scenario;
  const logs = await openAll(db, writers);
  try {
    for (const system of SYSTEMS) {
      await appendAll(logs[system.name], plannedCommits(`${key}-warmup`, writers, batch, Math.max(writers * batch, events * WARMUP_SHARE)));
    }
    return await interleaved(ROUNDS, async (system, round) => {
      const commits = plannedCommits(`${key}-r${round}`, writers, batch, events / ROUNDS);
      await logs[system].checkpoint();
      return perSecond(eventCount(commits), await timed(() => appendAll(logs[system], commits)));
    });
  } finally {
    await closeAll(logs);
  }
}

/** Made in chunks so the whole load never sits in memory at once. */
async function bulkLoad(log: EventLog): Promise<void> {
  const { loadEvents, loadBatch, loadWriters } = READ_ALL;
  const chunk = loadBatch * loadWriters * 10;
  for (let loaded = 0; loaded < loadEvents; loaded += chunk) {
    await appendAll(log, plannedCommits(`load${loaded}`, loadWriters, loadBatch, Math.min(chunk, loadEvents - loaded)));
  }
}

/** Each system's count is reported: a reader that pages by a position other than its sort order skips or repeats events. */
async function measureReadAll(db: BenchDb): Promise<{ rates: PerSystem<number>; eventsRead: PerSystem<number> }> {
  const loaders = await openAll(db, READ_ALL.loadWriters);
  try {
    await Promise.all(SYSTEMS.map((system) => bulkLoad(loaders[system.name])));
  } finally {
    await closeAll(loaders);
  }
  const logs = await openAll(db, 1);
  try {
    // An unmeasured first pass warms caches and JIT, and counts what each system returns.
    const counts = {} as PerSystem<number>;
    for (const system of SYSTEMS) {
      await logs[system.name].checkpoint();
      counts[system.name] = await logs[system.name].readAll(READ_ALL.pageSize);
    }
    const rates = await interleaved(ROUNDS, async (system) => {
      let read = 0;
      const seconds = await timed(async () => (read = await logs[system].readAll(READ_ALL.pageSize)));
      return perSecond(read, seconds);
    });
    return { rates, eventsRead: counts };
  } finally {
    await closeAll(logs);
  }
}

function compare(figures: PerSystem<number>) {
  return {
    ours: figures.ours,
    raw: figures.raw,
    emmett: figures.emmett,
    ratioRaw: Number((figures.ours / figures.raw).toFixed(3)),
    ratioEmmett: Number((figures.ours / figures.emmett).toFixed(3)),
  };
}

function report(label: string, figures: PerSystem<number>): ReturnType<typeof compare> {
  const compared = compare(figures);
  progress(`${label}: ours ${formatCount(figures.ours)}, raw ${formatCount(figures.raw)}, emmett ${formatCount(figures.emmett)} events/s`);
  return compared;
}

export async function run(): Promise<BenchmarkResult> {
  const started = Date.now();
  const db = await startBenchDb(
    'event-store',
    PORT,
    SYSTEMS.map((s) => s.database),
  );
  const appends = {} as Record<AppendKey, ReturnType<typeof compare>>;
  let read: Awaited<ReturnType<typeof measureReadAll>>;
  try {
    for (const scenario of APPENDS) appends[scenario.key] = report(scenario.label, await measureAppends(db, scenario));
    read = await measureReadAll(db);
  } finally {
    await db.stop();
  }
  const readLabel = `read-all, pages of ${formatCount(READ_ALL.pageSize)}`;
  const readAll = { ...report(readLabel, read.rates), pageSize: READ_ALL.pageSize, eventsRead: read.eventsRead };

  const rows = [...APPENDS.map((s) => ({ label: s.label, ...appends[s.key] })), { label: readLabel, ...readAll }];
  console.log(
    formatTable(
      ['scenario (events/s)', 'ours', 'raw pg', 'emmett', 'ours/raw', 'ours/emmett'],
      rows.map((r) => [r.label, formatCount(r.ours), formatCount(r.raw), formatCount(r.emmett), formatRatio(r.ratioRaw), formatRatio(r.ratioEmmett)]),
    ),
  );
  const counts = read.eventsRead;
  console.log(`medians of ${ROUNDS} interleaved rounds; events read by read-all: ours ${formatCount(counts.ours)}, raw ${formatCount(counts.raw)}, emmett ${formatCount(counts.emmett)}`);
  console.log(EMMETT_READ_ALL);

  const allAppends = Object.values(appends);
  const goals = {
    appendsAtLeast0_8OfRaw: allAppends.every((a) => a.ratioRaw >= 0.8),
    readAllAtLeast300k: readAll.ours >= 300_000,
    aheadOfEmmett: [...allAppends, readAll].every((a) => a.ratioEmmett > 1),
  };
  console.log(
    `goals: ${Object.entries(goals)
      .map(([goal, met]) => `${goal} ${met ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  return {
    appends,
    readAll,
    goals,
    events: { ...Object.fromEntries(APPENDS.map((s) => [s.key, s.events])), readAll: counts.ours },
    seconds: Math.round((Date.now() - started) / 1000),
    peakRssMb: peakRssMb(),
  };
}
