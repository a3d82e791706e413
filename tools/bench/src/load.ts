/** What one closed-loop load run measured. */
export interface LoadResult {
  readonly ops: number;
  readonly seconds: number;
  /** Latency of each measured operation, milliseconds, sorted ascending. */
  readonly latenciesMs: Float64Array;
  readonly perSecond: number;
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Runs `op` in `concurrency` closed loops: each caller issues the next operation as soon as the previous one returned,
 * as a request handler under load would. The first `warmupSeconds` are run but not counted.
 */
export async function runLoad(
  concurrency: number,
  warmupSeconds: number,
  seconds: number,
  op: (worker: number, seq: number) => Promise<void>,
): Promise<LoadResult> {
  const start = nowMs();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let seq = 0;
  const worker = async (w: number): Promise<void> => {
    for (;;) {
      const t0 = nowMs();
      if (t0 >= end) return;
      await op(w, seq++);
      const t1 = nowMs();
      if (t0 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const sorted = Float64Array.from(latencies).sort();
  return { ops: sorted.length, seconds, latenciesMs: sorted, perSecond: sorted.length / seconds };
}

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export const percentile = (sorted: Float64Array, p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

export const elapsedMs = nowMs;
