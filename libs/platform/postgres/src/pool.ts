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
  return new pg.Pool({
    connectionString,
    max,
    application_name: applicationName,
    options: '-c idle_in_transaction_session_timeout=60000',
  });
}

/** DATABASE_URL, or the local PostgreSQL of the CI machine. */
export const defaultDatabaseUrl = (): string =>
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
