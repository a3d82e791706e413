import { projectionMigrations } from '@kapocs/platform/projections';
import { REFERENCE_SCHEMA, referenceMigrations } from '@kapocs/platform/reference-data';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { SIGNALS_SCHEMA, SignalsModule } from './signals.module.js';

/**
 * Signals as a selectable target: its module, the checkpoint table of its own schema (the queues) and the reference
 * schema it reads its code lists from (ADR-0009), so that it also starts alone.
 */
export const signalsTarget: ServiceTarget = {
  module: SignalsModule,
  migrations: [
    { schema: SIGNALS_SCHEMA, migrations: projectionMigrations },
    { schema: REFERENCE_SCHEMA, migrations: referenceMigrations },
  ],
};
