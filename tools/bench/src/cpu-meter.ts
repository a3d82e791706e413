import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) of a process from /proc/<pid>/stat; 0 when it is gone. */
function processCpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Ticks of every PostgreSQL backend and helper (command name `postgres`), by pid. */
function postgresTicksByPid(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) ticks.set(Number(entry), processCpuTicks(Number(entry)));
    } catch {
      // gone between readdir and read
    }
  }
  return ticks;
}

/**
 * PostgreSQL's ticks since start, sampled every 250 ms per backend: a sum of the processes alive at start and at
 * stop went wrong (even negative) when backends ended or began in between. A backend that ends loses at most its last
 * 250 ms; one that begins counts from its start.
 */
function postgresTicksSince(): { sample(): void; total(): number; stop(): void } {
  let last = postgresTicksByPid();
  let sum = 0;
  const sample = () => {
    const now = postgresTicksByPid();
    for (const [pid, ticks] of now) sum += Math.max(0, ticks - (last.get(pid) ?? 0));
    last = now;
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  return { sample, total: () => sum, stop: () => clearInterval(timer) };
}

/** Busy and total ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuShare {
  /** Of one core: 100 = one core fully busy. */
  readonly platformPct: number;
  readonly postgresPct: number;
  readonly driverPct: number;
  /** Of the whole machine (all cores): everything running, other sessions included. */
  readonly machineBusyPct: number;
}

/**
 * Where the cores went during a measured run: the platform process, PostgreSQL, this driver, and the machine as a
 * whole (Linux /proc; clock ticks of 1/100 s).
 */
export function cpuMeter(platformPid: number): { stop(): CpuShare } {
  const t0 = performance.now();
  const p0 = processCpuTicks(platformPid);
  const g = postgresTicksSince();
  const d0 = processCpuTicks(process.pid);
  const m0 = machineTicks();
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const m1 = machineTicks();
      g.sample();
      g.stop();
      const pct = (ticks: number): number => ticks / seconds;
      return {
        platformPct: pct(processCpuTicks(platformPid) - p0),
        postgresPct: pct(g.total()),
        driverPct: pct(processCpuTicks(process.pid) - d0),
        machineBusyPct: (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total),
      };
    },
  };
}
