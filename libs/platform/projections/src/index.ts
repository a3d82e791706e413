export { type ProjectionDefinition, type ProjectionContext } from './projection.js';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './projection-runner.js';
export { type VersionState, versionedTable } from './projection-versions.js';
export { projectionMigrations } from './projection.migrations.js';
export { upsertRows, type UpsertSpec } from './upsert-rows.js';
