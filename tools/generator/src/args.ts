import { parseArgs } from 'node:util';
import type { Gazetteer } from '@kapocs/shared/gazetteer';
import { DEMO_YEAR } from '@kapocs/intake/demo';

/** The schema the runtime's event store lives in (EVENT_STORE_SCHEMA of @kapocs/platform/runtime). */
export const RUNTIME_SCHEMA = 'event_store';

export interface GeneratorArgs {
  readonly districts: readonly string[];
  readonly seed: number;
  readonly year: number;
  readonly concurrency: number;
  readonly streamsPerBatch: number;
  /** The event store schema; `event_store` is the runtime's. */
  readonly schema: string;
  /** Drop the schema first (benchmarks only: refused for the runtime's schema). */
  readonly fresh: boolean;
}

const USAGE =
  'usage: npm run generate -- (--districts 121[,103…] | --national) [--seed 1] [--year 2025] [--concurrency 8] [--batch 400]' +
  ' [--schema event_store] [--fresh]';

const integer = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"\n${USAGE}`);
  return n;
};

/** The command line of `npm run generate`; `--national` means every district of the gazetteer (197). */
export function parseGeneratorArgs(argv: readonly string[], gazetteer: Gazetteer): GeneratorArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      districts: { type: 'string', multiple: true },
      national: { type: 'boolean', default: false },
      seed: { type: 'string' },
      year: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      schema: { type: 'string', default: RUNTIME_SCHEMA },
      fresh: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const listed = (values.districts ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter((d) => d !== '');
  const districts = values.national ? gazetteer.districts.map((d) => d.code) : listed;
  if (districts.length === 0) throw new Error(`no districts given\n${USAGE}`);
  const unknown = districts.filter((d) => !gazetteer.district(d));
  if (unknown.length > 0) throw new Error(`unknown district code(s): ${unknown.join(', ')}\n${USAGE}`);
  const schema = values.schema ?? RUNTIME_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`--schema must be a plain identifier\n${USAGE}`);
  if (values.fresh && schema === RUNTIME_SCHEMA) throw new Error(`--fresh would drop the runtime's schema\n${USAGE}`);
  return {
    schema,
    fresh: values.fresh ?? false,
    districts: [...new Set(districts)],
    seed: integer('seed', values.seed, 1, 0),
    year: integer('year', values.year, DEMO_YEAR, 2000),
    concurrency: integer('concurrency', values.concurrency, 8, 1),
    streamsPerBatch: integer('batch', values.batch, 400, 1),
  };
}
