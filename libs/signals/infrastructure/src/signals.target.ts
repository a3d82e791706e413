import { projectionMigrations } from '@kapocs/platform/projections';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { SIGNALS_SCHEMA, SignalsModule } from './signals.module.js';

/** Signals as a selectable target: its module and the checkpoint table of its own schema (the queues). */
export const signalsTarget: ServiceTarget = {
  module: SignalsModule,
  migrations: [{ schema: SIGNALS_SCHEMA, migrations: projectionMigrations }],
};
