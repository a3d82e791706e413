export { type Migration, quoteIdent, runMigrations, withTransaction } from './migrations.js';
export { createPool, defaultDatabaseUrl, type PoolOptions } from './pool.js';
export { AdvisoryLease } from './advisory-lease.js';
