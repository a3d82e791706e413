import pg from 'pg';

// int8 (global positions, versions) as strings: parsed to bigint where used, never to a lossy number.
pg.types.setTypeParser(20, (v) => v);

export interface PoolOptions {
  readonly connectionString: string;
  readonly max?: number;
  readonly applicationName?: string;
}

/**
 * One pool per process. `idle_in_transaction_session_timeout` bounds how long a stuck transaction can hold back the
 * global read horizon (ADR-0002).
 */
export function createPool({ connectionString, max = 20, applicationName = 'kapocs' }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: applicationName,
    options: '-c idle_in_transaction_session_timeout=60000',
  });
  // An idle connection that the server ends (restart, failover, an administrator's pg_terminate_backend, DROP
  // DATABASE … WITH (FORCE)) is emitted as an 'error' on the pool; unhandled, it would end the process. The pool
  // has already discarded that client and the next query opens a new connection, so there is nothing else to do.
  pool.on('error', () => undefined);
  return pool;
}

/** DATABASE_URL, or the local PostgreSQL of the CI machine. */
export const defaultDatabaseUrl = (): string =>
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
