import { projectionMigrations } from '@kapocs/platform/projections';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { INTAKE_SCHEMA, IntakeModule } from './intake.module.js';

/** Intake as a selectable target: its module and the checkpoint table of its own schema (the identity index). */
export const intakeTarget: ServiceTarget = {
  module: IntakeModule,
  migrations: [{ schema: INTAKE_SCHEMA, migrations: projectionMigrations }],
};
