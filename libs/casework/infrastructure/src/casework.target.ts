import { projectionMigrations } from '@kapocs/platform/projections';
import { REFERENCE_SCHEMA, referenceMigrations } from '@kapocs/platform/reference-data';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { CASEWORK_SCHEMA, CaseworkModule } from './casework.module.js';

/** Casework as a selectable target: its module, the checkpoint table of its own schema (the caseload) and the code list versions. */
export const caseworkTarget: ServiceTarget = {
  module: CaseworkModule,
  migrations: [
    { schema: CASEWORK_SCHEMA, migrations: projectionMigrations },
    { schema: REFERENCE_SCHEMA, migrations: referenceMigrations },
  ],
};
