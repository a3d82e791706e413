import { loadavg } from 'node:os';
import type { CpuShare } from './cpu-meter.js';
import type { HttpLoadResult } from './http-load.js';

/** Prints one `name=value` line per figure, the interface `npm run bench:eventstore` promises. */
export function figure(name: string, value: number | string, digits = 0): void {
  const text = typeof value === 'string' ? value : Number.isFinite(value) ? value.toFixed(digits) : 'NaN';
  process.stdout.write(`${name}=${text}\n`);
}

/** Progress and notes go to stderr so stdout stays machine-readable. */
export function note(message: string): void {
  process.stderr.write(`# ${message}\n`);
}

/** A figure with its target next to it (`<name>_target=`) and whether it was met (`<name>_met=1|0`). */
export function result(name: string, value: number, target: number, better: 'higher' | 'lower', digits = 0): void {
  figure(name, value, digits);
  figure(`${name}_target`, target, digits);
  const met = Number.isFinite(value) && (better === 'higher' ? value >= target : value <= target);
  figure(`${name}_met`, met ? 1 : 0);
}

/** A figure that could not be measured: `name=NA`, the target, and the reason on its own line. */
export function notAvailable(name: string, target: number, reason: string): void {
  figure(name, 'NA');
  figure(`${name}_target`, target);
  figure(`${name}_reason`, reason.replace(/\s+/g, ' '));
}

/** The machine load (1, 5, 15 min) at this point: the other processes compete for the same cores. */
export function machineLoad(when: string): void {
  const [one, five, fifteen] = loadavg();
  figure(`loadavg_${when}`, `${(one ?? 0).toFixed(2)},${(five ?? 0).toFixed(2)},${(fifteen ?? 0).toFixed(2)}`);
}

/** Request counts and every failure of a load run, by status: nothing is left out. */
export function loadDetails(prefix: string, r: HttpLoadResult): void {
  figure(`${prefix}_ok`, r.ok);
  figure(`${prefix}_errors`, r.errorCount);
  figure(`${prefix}_warmup_errors`, r.warmupErrorCount);
  for (const [status, n] of [...r.errors].sort()) figure(`${prefix}_errors_${status}`, n);
  figure(`${prefix}_p50_ms`, r.latency.percentile(50), 1);
  figure(`${prefix}_max_ms`, r.latency.max, 1);
  for (const s of r.errorSamples) note(`error sample: ${s}`);
}

/** Where the cores went during a run: the platform process, PostgreSQL, the driver (% of one core), the machine. */
export function cpuDetails(prefix: string, c: CpuShare): void {
  figure(`${prefix}_cpu_platform_pct`, c.platformPct);
  figure(`${prefix}_cpu_postgres_pct`, c.postgresPct);
  figure(`${prefix}_cpu_driver_pct`, c.driverPct);
  figure(`${prefix}_cpu_machine_busy_pct`, c.machineBusyPct);
}
