/** Figures of one benchmark; run.ts prints them as the last line, so scripts can parse it. */
export type BenchmarkResult = Record<string, unknown>;

export interface BenchmarkModule {
  run(): Promise<BenchmarkResult>;
}
