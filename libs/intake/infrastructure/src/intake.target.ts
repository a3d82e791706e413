import { projectionMigrations } from '@kapocs/platform/projections';
import { REFERENCE_SCHEMA, referenceMigrations } from '@kapocs/platform/reference-data';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { INTAKE_SCHEMA, IntakeModule } from './intake.module.js';

/**
 * Intake as a selectable target: its module, the checkpoint table of its own schema (the identity index) and the
 * operators' code list versions it validates against.
 */
export const intakeTarget: ServiceTarget = {
  module: IntakeModule,
  migrations: [
    { schema: INTAKE_SCHEMA, migrations: projectionMigrations },
    { schema: REFERENCE_SCHEMA, migrations: referenceMigrations },
  ],
};
