import { parseArgs } from 'node:util';
import { DEMO_YEAR } from '@kapocs/intake/demo';
import { loadGazetteer } from '@kapocs/shared/gazetteer';

/** The command line shared by bench:intake, bench:casework and bench:signals. */
export interface BenchArgs {
  /** All 197 districts (the default) or the smoke set of `--districts`. */
  readonly national: boolean;
  readonly districts: readonly string[];
  readonly seed: number;
  readonly year: number;
  /** Measured seconds of each throughput figure. */
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly concurrency: number;
  /** Stop the napló rebuild after this many seconds and report its rate so far (unset: rebuild to the head). */
  readonly rebuildSeconds?: number;
  /** Give the projector this long to build its read models before the year PDF (unset: wait up to 2 hours). */
  readonly catchUpMinutes?: number;
  /** `max_payload` of the benchmark's NATS server (unset: the NATS default of 1 MB, as deployed). */
  readonly natsMaxPayload?: string;
  /** Mark a set loaded by `npm run generate` into the benchmark's database as complete, with that run's seconds. */
  readonly adoptLoadSeconds?: number;
}

export const BENCH_USAGE =
  'usage: npm run bench:<intake|casework|signals> -- [--districts 121,122] [--seconds 30] [--warmup 5] [--adopt-load-seconds 873.4] [--nats-max-payload 8MB] [--rebuild-seconds 180] [--catch-up-minutes 30]';

const number = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"\n${BENCH_USAGE}`);
  return n;
};

const payloadSize = (raw: string): string => {
  if (!/^\d+(KB|MB)?$/.test(raw)) throw new Error(`--nats-max-payload must look like 8MB, got "${raw}"\n${BENCH_USAGE}`);
  return raw;
};

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      districts: { type: 'string', multiple: true },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'adopt-load-seconds': { type: 'string' },
      'nats-max-payload': { type: 'string' },
      'rebuild-seconds': { type: 'string' },
      'catch-up-minutes': { type: 'string' },
    },
    strict: true,
  });
  const gazetteer = loadGazetteer();
  const listed = (values.districts ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);
  const unknown = listed.filter((d) => !gazetteer.district(d));
  if (unknown.length) throw new Error(`unknown district code(s): ${unknown.join(', ')}\n${BENCH_USAGE}`);
  const national = listed.length === 0;
  const adopt = values['adopt-load-seconds'];
  return {
    national,
    districts: national ? gazetteer.districts.map((d) => d.code) : [...new Set(listed)],
    // The national set of docs/generator.md: seed 1, the demo year.
    seed: 1,
    year: DEMO_YEAR,
    seconds: number('seconds', values.seconds, national ? 30 : 10),
    warmupSeconds: number('warmup', values.warmup, national ? 5 : 2),
    concurrency: 16,
    ...(adopt !== undefined ? { adoptLoadSeconds: number('adopt-load-seconds', adopt, 0) } : {}),
    ...(values['rebuild-seconds'] ? { rebuildSeconds: number('rebuild-seconds', values['rebuild-seconds'], 0) } : {}),
    ...(values['catch-up-minutes'] ? { catchUpMinutes: number('catch-up-minutes', values['catch-up-minutes'], 0) } : {}),
    ...(values['nats-max-payload'] ? { natsMaxPayload: payloadSize(values['nats-max-payload']) } : {}),
  };
}
