import { defaultDatabaseUrl } from '@kapocs/platform/postgres';

/** Benchmark settings, from the environment so that CI can shorten the run. */
export interface BenchConfig {
  readonly databaseUrl: string;
  /** Measured seconds per throughput figure. */
  readonly seconds: number;
  /** Untimed seconds before each figure, so connection setup and plan caching do not count. */
  readonly warmupSeconds: number;
  readonly concurrency: number;
  /** Events seeded and projected for `rebuild_events_per_s`. */
  readonly rebuildEvents: number;
  readonly rebuildBatch: number;
  /** Streams touched by the command path. */
  readonly commandStreams: number;
  /** Producer rate for `append_to_readmodel_p95_ms`. */
  readonly readModelRate: number;
  /** Sample event-loop delay, GC pauses and server wait events during the single appends (adds a little load). */
  readonly tailDiagnostics: boolean;
}

const positive = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
};

export const loadConfig = (): BenchConfig => ({
  databaseUrl: defaultDatabaseUrl(),
  seconds: positive('BENCH_SECONDS', 10),
  warmupSeconds: positive('BENCH_WARMUP_SECONDS', 1),
  concurrency: 16,
  rebuildEvents: Math.round(positive('BENCH_REBUILD_EVENTS', 1_000_000)),
  rebuildBatch: Math.round(positive('BENCH_REBUILD_BATCH', 5_000)),
  commandStreams: Math.round(positive('BENCH_COMMAND_STREAMS', 10_000)),
  readModelRate: positive('BENCH_READMODEL_RATE', 200),
  tailDiagnostics: process.env['BENCH_TAIL_DIAGNOSTICS'] === '1',
});
