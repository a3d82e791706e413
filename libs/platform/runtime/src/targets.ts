import type { INestApplication, Type } from '@nestjs/common';
import type { TargetName } from '@kapocs/shared/kernel';
import { parseTargets } from './config.js';
import type { SchemaMigrations } from './platform-components.js';

/** One selectable service: its Nest module, the migrations of its schema, and HTTP set-up (the gateway's). */
export interface ServiceTarget {
  readonly module: Type;
  readonly migrations?: readonly SchemaMigrations[];
  /** Runs before the HTTP server listens, e.g. `configureGatewayApp(app)`. */
  readonly configure?: (app: INestApplication) => void | Promise<void>;
}

export type TargetMap = Partial<Record<TargetName, Type | ServiceTarget>>;

export const toServiceTarget = (t: Type | ServiceTarget): ServiceTarget =>
  typeof t === 'function' ? { module: t } : t;

/** The targets of `map` selected by `TARGETS` (`all` or a comma list), in the canonical order. */
export function pickTargets(map: TargetMap, raw: string | undefined): TargetMap {
  const selected = parseTargets(raw);
  return Object.fromEntries(Object.entries(map).filter(([name]) => selected.includes(name as TargetName))) as TargetMap;
}
