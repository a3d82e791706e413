import { setTimeout as sleep } from 'node:timers/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type pg from 'pg';

export interface TailReport {
  /** Event-loop delay of this process (the client side of a latency tail), p99 and max, ms. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** Garbage-collection pauses: the total and the longest, ms. */
  readonly gcTotalMs: number;
  readonly gcMaxMs: number;
  /** What the store's backends were waiting on, share of sampled busy backends per wait event. */
  readonly waits: ReadonlyMap<string, number>;
}

/**
 * Watches a figure for what makes its tail: client pauses (event loop, GC) and server waits sampled from
 * `pg_stat_activity` every 10 ms for the backends of `appPrefix` (`CPU` = active with no wait event).
 */
export function watchTail(admin: pg.Pool, appPrefix: string): { stop(): Promise<TailReport> } {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let gcTotalMs = 0;
  let gcMaxMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcTotalMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const counts = new Map<string, number>();
  let busy = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const { rows } = await admin.query<{ wait: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, count(*)::int AS n
         FROM pg_stat_activity WHERE application_name LIKE $1 AND state = 'active' AND pid <> pg_backend_pid()
         GROUP BY 1`,
        [`${appPrefix}%`],
      );
      for (const r of rows) {
        counts.set(r.wait, (counts.get(r.wait) ?? 0) + r.n);
        busy += r.n;
      }
      // Sampling period of a monitor beside the measured path; it never gates it.
      await sleep(10);
    }
  })();
  return {
    async stop() {
      running = false;
      await sampler;
      loop.disable();
      gc.disconnect();
      const waits = new Map([...counts].map(([k, n]) => [k, busy === 0 ? 0 : (100 * n) / busy] as const));
      return {
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        gcTotalMs,
        gcMaxMs,
        waits,
      };
    },
  };
}
