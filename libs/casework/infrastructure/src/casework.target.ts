import { projectionMigrations } from '@kapocs/platform/projections';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { CASEWORK_SCHEMA, CaseworkModule } from './casework.module.js';

/** Casework as a selectable target: its module and the checkpoint table of its own schema (the caseload). */
export const caseworkTarget: ServiceTarget = {
  module: CaseworkModule,
  migrations: [{ schema: CASEWORK_SCHEMA, migrations: projectionMigrations }],
};
