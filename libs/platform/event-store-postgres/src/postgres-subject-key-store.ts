import type { Pool } from 'pg';
import { generateDataKey, type SubjectKeyStore, unwrapKey, wrapKey } from '@kapocs/platform/event-store';
import { quoteIdent } from '@kapocs/platform/postgres';

export interface PostgresSubjectKeyStoreOptions {
  readonly pool: Pool;
  readonly schema: string;
  /** The KEK (32 bytes): only wrapped keys ever reach the database. */
  readonly masterKey: Buffer;
}

/** Subject keys in `<schema>.subject_keys`, wrapped under the master key. */
export class PostgresSubjectKeyStore implements SubjectKeyStore {
  private readonly table: string;

  constructor(private readonly options: PostgresSubjectKeyStoreOptions) {
    if (options.masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.table = `${quoteIdent(options.schema)}.subject_keys`;
  }

  async getOrCreate(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const ids = [...new Set(subjectIds)];
    const keys = new Map(await this.find(ids));
    const missing = ids.filter((id) => !keys.has(id));
    if (missing.length === 0) return keys;
    const wrapped = missing.map((id) => wrapKey(this.options.masterKey, generateDataKey(), id));
    // A concurrent writer may create the same subject's key: its key wins and is read back below.
    await this.options.pool.query(
      `INSERT INTO ${this.table} (subject_id, wrapped_key) SELECT * FROM unnest($1::text[], $2::bytea[])
       ON CONFLICT (subject_id) DO NOTHING`,
      [missing, wrapped],
    );
    for (const [id, key] of await this.find(missing)) keys.set(id, key);
    if (keys.size !== ids.length) throw new Error('Subject key vanished while being created (shredded concurrently)');
    return keys;
  }

  async find(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const { rows } = await this.options.pool.query<{ subject_id: string; wrapped_key: Buffer }>(
      `SELECT subject_id, wrapped_key FROM ${this.table} WHERE subject_id = ANY($1::text[])`,
      [[...subjectIds]],
    );
    return new Map(rows.map((r) => [r.subject_id, unwrapKey(this.options.masterKey, r.wrapped_key, r.subject_id)]));
  }

  /**
   * Deletes the key row, then vacuums the table so that the dead tuple holding the wrapped key is reclaimed now
   * rather than at the next autovacuum. WAL segments and backups taken before still hold it (ADR-0002).
   */
  async destroy(subjectId: string): Promise<void> {
    await this.options.pool.query(`DELETE FROM ${this.table} WHERE subject_id = $1`, [subjectId]);
    await this.options.pool.query(`VACUUM ${this.table}`);
  }
}
