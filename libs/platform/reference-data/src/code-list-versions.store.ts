import type { Pool, PoolClient } from 'pg';
import { quoteIdent, withTransaction } from '@kapocs/platform/postgres';
import { applyVersions, isCodeListName, type ReferenceCode, versionConflict } from '@kapocs/shared/reference-data';
import { referenceChannel } from './reference-data.migrations.js';

/** A version an operator added: the code list entry, who added it and when. */
export interface StoredCodeListVersion extends ReferenceCode {
  readonly id: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

interface Row {
  id: string;
  list: string;
  code: string;
  label_hu: string;
  label_en: string;
  abbreviation: string | null;
  parent: string | null;
  valid_from: string;
  valid_to: string | null;
  source: string;
  added_by: string;
  added_at: string;
}

const fromRow = (r: Row): StoredCodeListVersion => {
  if (!isCodeListName(r.list)) throw new Error(`reference data: version ${r.id} names an unknown code list`);
  return {
    id: r.id,
    list: r.list,
    code: r.code,
    labelHu: r.label_hu,
    labelEn: r.label_en,
    ...(r.abbreviation === null ? {} : { abbreviation: r.abbreviation }),
    ...(r.parent === null ? {} : { parent: r.parent }),
    validFrom: r.valid_from,
    ...(r.valid_to === null ? {} : { validTo: r.valid_to }),
    source: r.source,
    addedBy: r.added_by,
    addedAt: r.added_at,
  };
};

const SELECT = `SELECT id::text, list, code, label_hu, label_en, abbreviation, parent, valid_from::text, valid_to::text, source, added_by,
  to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS added_at`;

/**
 * The append-only table of operator versions (`<schema>.code_list_versions`). Appends are serialised by an advisory
 * lock and checked against the baseline with every earlier version applied; the commit notifies every listener.
 */
export class CodeListVersionStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly baseline: readonly ReferenceCode[],
  ) {
    this.table = `${quoteIdent(schema)}.code_list_versions`;
  }

  async versions(client: Pool | PoolClient = this.pool): Promise<StoredCodeListVersion[]> {
    const { rows } = await client.query<Row>(`${SELECT} FROM ${this.table} ORDER BY id`);
    return rows.map(fromRow);
  }

  /** The baseline with every stored version applied: what the services validate against. */
  async entries(client: Pool | PoolClient = this.pool): Promise<ReferenceCode[]> {
    return applyVersions(this.baseline, await this.versions(client));
  }

  /** Adds one version; throws the DomainError of `versionConflict` (nothing stored) when it does not fit. */
  async append(version: ReferenceCode, addedBy: string): Promise<StoredCodeListVersion> {
    return withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kapocs-reference:${this.schema}`]);
      const conflict = versionConflict(await this.entries(client), version);
      if (conflict) throw conflict;
      const { rows } = await client.query<Row>(
        `INSERT INTO ${this.table} (list, code, label_hu, label_en, abbreviation, parent, valid_from, valid_to, source, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id::text, list, code, label_hu, label_en, abbreviation, parent, valid_from::text, valid_to::text, source, added_by,
           to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS added_at`,
        [
          version.list,
          version.code,
          version.labelHu,
          version.labelEn,
          version.abbreviation ?? null,
          version.parent ?? null,
          version.validFrom,
          version.validTo ?? null,
          version.source ?? '',
          addedBy,
        ],
      );
      await client.query('SELECT pg_notify($1, $2)', [referenceChannel(this.schema), (rows[0] as Row).id]);
      return fromRow(rows[0] as Row);
    });
  }
}
