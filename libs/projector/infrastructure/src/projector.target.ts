import { projectionMigrations } from '@kapocs/platform/projections';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { ProjectorModule } from './projector.module.js';
import { PROJECTOR_SCHEMA } from './projector-schema.js';

/** The projector as a selectable target: its module and the checkpoint table of its schema. */
export const projectorTarget: ServiceTarget = {
  module: ProjectorModule,
  migrations: [{ schema: PROJECTOR_SCHEMA, migrations: projectionMigrations }],
};
