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

/** Ticks of every PostgreSQL backend and helper (command name `postgres`). */
function postgresCpuTicks(): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) sum += processCpuTicks(Number(entry));
    } catch {
      // gone between readdir and read
    }
  }
  return sum;
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
  const g0 = postgresCpuTicks();
  const d0 = processCpuTicks(process.pid);
  const m0 = machineTicks();
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const m1 = machineTicks();
      const pct = (ticks: number): number => ticks / seconds;
      return {
        platformPct: pct(processCpuTicks(platformPid) - p0),
        postgresPct: pct(postgresCpuTicks() - g0),
        driverPct: pct(processCpuTicks(process.pid) - d0),
        machineBusyPct: (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total),
      };
    },
  };
}
