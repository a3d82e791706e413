import type pg from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';

export interface UpsertSpec {
  /** Quoted table name, e.g. `ctx.table('case_counts')`. */
  readonly table: string;
  /** Column → PostgreSQL type (`text`, `int`, `bigint`, `jsonb`, `timestamptz`…), in insert order. */
  readonly columns: Readonly<Record<string, string>>;
  /** The conflict target (a unique key). */
  readonly key: readonly string[];
  /**
   * On conflict: `replace` overwrites the non-key columns, `nothing` keeps the row, or per column an SQL expression
   * over `t` (the existing row) and `excluded`, e.g. `{ n: 't.n + excluded.n' }`.
   */
  readonly onConflict?: 'replace' | 'nothing' | Readonly<Record<string, string>>;
}

const param = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
};

/**
 * Writes many rows in one statement, `INSERT … SELECT FROM unnest($1::t[], …) ON CONFLICT DO UPDATE`: one round trip
 * per table per batch. Rows must be unique by key within a call (fold the batch first), as PostgreSQL cannot update
 * one row twice in a statement. Returns the number of rows written.
 */
export async function upsertRows(
  client: pg.ClientBase,
  spec: UpsertSpec,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const entries = Object.entries(spec.columns);
  const names = entries.map(([c]) => quoteIdent(c));
  const arrays = entries.map(([c, type]) => rows.map((r) => param(type, r[c])));
  const unnest = entries.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const key = spec.key.map(quoteIdent).join(', ');
  const onConflict = spec.onConflict ?? 'replace';
  let action: string;
  if (onConflict === 'nothing') action = 'DO NOTHING';
  else {
    const sets =
      onConflict === 'replace'
        ? entries.filter(([c]) => !spec.key.includes(c)).map(([c]) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`)
        : Object.entries(onConflict).map(([c, expr]) => `${quoteIdent(c)} = ${expr}`);
    action = sets.length ? `DO UPDATE SET ${sets.join(', ')}` : 'DO NOTHING';
  }
  const sql = `INSERT INTO ${spec.table} AS t (${names.join(', ')}) SELECT * FROM unnest(${unnest}) ON CONFLICT (${key}) ${action}`;
  const result = await client.query(sql, arrays);
  return result.rowCount ?? 0;
}
