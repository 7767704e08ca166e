import type { BenchmarkModule } from './support/benchmark.js';

/** Loaded lazily: a benchmark's dependencies (and their global side effects) load only when it runs. */
const BENCHMARKS: Record<string, () => Promise<BenchmarkModule>> = {
  'event-store': () => import('./event-store.bench.js'),
  'queue-time-rebuild': () => import('./queue-time-rebuild.bench.js'),
  statistics: () => import('./statistics.bench.js'),
  'apply-burst': () => import('./apply-burst.bench.js'),
  ranking: () => import('./ranking.bench.js'),
  'read-after': () => import('./read-after.bench.js'),
  web: () => import('./web.bench.js'),
  bus: () => import('./bus.bench.js'),
  'saved-search-alerts': () => import('./saved-search-alerts.bench.js'),
};

async function main(name: string | undefined): Promise<number> {
  const load = name !== undefined && Object.hasOwn(BENCHMARKS, name) ? BENCHMARKS[name] : undefined;
  if (!load) {
    console.error(`usage: npm run bench -- <name>\n  names: ${Object.keys(BENCHMARKS).join(', ')}`);
    return 2;
  }
  const result = await (await load()).run();
  console.log(JSON.stringify({ benchmark: name, ...result }));
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
