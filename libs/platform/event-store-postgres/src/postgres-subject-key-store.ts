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

  /**
   * One round trip whether the subjects are known or new: the keys that exist, and a fresh key inserted for each that
   * does not. A concurrent writer may create a subject's key after this statement's snapshot: the insert skips it
   * (its key wins) and it is read back.
   */
  async getOrCreate(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const ids = [...new Set(subjectIds)];
    if (ids.length === 0) return new Map();
    const fresh = new Map(ids.map((id) => [id, generateDataKey()]));
    const { rows } = await this.options.pool.query<{ subject_id: string; wrapped_key: Buffer | null }>(
      `WITH known AS (SELECT subject_id, wrapped_key FROM ${this.table} WHERE subject_id = ANY($1::text[])),
            created AS (
              INSERT INTO ${this.table} (subject_id, wrapped_key)
              SELECT i.subject_id, i.wrapped_key FROM unnest($1::text[], $2::bytea[]) AS i(subject_id, wrapped_key)
               WHERE i.subject_id NOT IN (SELECT subject_id FROM known)
              ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id)
       SELECT subject_id, wrapped_key FROM known UNION ALL SELECT subject_id, NULL FROM created`,
      [ids, ids.map((id) => wrapKey(this.options.masterKey, fresh.get(id) as Buffer, id))],
    );
    const keys = new Map<string, Buffer>();
    for (const r of rows) {
      keys.set(r.subject_id, r.wrapped_key ? unwrapKey(this.options.masterKey, r.wrapped_key, r.subject_id) : (fresh.get(r.subject_id) as Buffer));
    }
    const raced = ids.filter((id) => !keys.has(id));
    if (raced.length > 0) for (const [id, key] of await this.find(raced)) keys.set(id, key);
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
