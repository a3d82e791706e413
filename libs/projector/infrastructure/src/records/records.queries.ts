import type { Pool } from 'pg';
import type {
  ClientFile,
  ClientFileQuery,
  ClientSearchQuery,
  ContactLogExportPage,
  ContactLogExportQuery,
  ContactLogPage,
  ContactLogQuery,
  IdentityCandidate,
  IdentityCandidatesQuery,
  RegisterRow,
  RegisterRowsPage,
  RegisterRowsQuery,
} from '@kapocs/projector/contracts';
import type { ScopeFilter } from '@kapocs/platform/auth';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { nameKey } from '../projections/intake-events.js';
import { periodRange } from './period.js';
import { toContactLogRow, toRegisterRow } from './record-rows.js';
import {
  CONTACT_LOG_EXPORT_SELECT,
  CONTACT_LOG_JOINS,
  CONTACT_LOG_SELECT,
  CONTACT_LOG_TABLE,
  DECLARATIONS_TABLE,
  REGISTER_SELECT,
  REGISTER_TABLE,
  scopedContactLog,
  scopedRegister,
} from './records.sql.js';

type Row = Record<string, unknown>;

/**
 * UTF-8 bytes of `json` (a JSON text from PostgreSQL) once escaped inside another JSON string, i.e.
 * `Buffer.byteLength(JSON.stringify(json)) - 2`, without building that string: every `"` and `\` gains a backslash;
 * PostgreSQL's JSON has no raw control characters left to escape.
 */
export function escapedBytes(json: string): number {
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) extra++;
  }
  return Buffer.byteLength(json) + extra;
}
const clamp = (limit: number | undefined, max: number): number => Math.min(Math.max(Math.trunc(limit ?? max), 1), max);

/**
 * Bytes of JSON one reply page may carry: half of NATS's default 1 MB `max_payload` (as deployed), so the reply
 * envelope always fits too. A NATS reply above the limit is dropped and the caller only sees a timeout, so the export
 * pages are cut by size, not only by row count (long descriptions make rows of very different sizes).
 */
const PAGE_BUDGET_BYTES = 512 * 1024;
/**
 * Rows read from the database for one page at most. A napló row is ~0.7 KB of JSON, so the budget ends a page after
 * ~750 of them: a higher cap only reads (and parses) rows that are thrown away.
 */
const PAGE_MAX_ROWS = 1000;

/**
 * Rows read for one export page at most. An export entry is ~0.25 KB of JSON, ~0.27 KB escaped inside the reply
 * (Debrecen's year), so the byte budget ends a page after ~1,900 of them; rows read beyond it are thrown away.
 */
const EXPORT_PAGE_MAX_ROWS = 2000;

/**
 * The first of `rows` (read with LIMIT limit + 1) that fit the byte budget, at least one; `more` when a cursor must
 * follow (budget reached or the extra row was there).
 */
function fillPage<T>(rows: readonly Row[], limit: number, map: (r: Row) => T, budget = PAGE_BUDGET_BYTES): { page: T[]; more: boolean } {
  const page: T[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    const item = map(row);
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (page.length > 0 && bytes > budget) return { page, more: true };
    page.push(item);
  }
  return { page, more: rows.length > limit };
}

/** A client file's contacts cursor (`date|year|serial|site`, see `nextContactsCursor`) as query values; none: the start. */
function contactsCursor(cursor: string | undefined): [string, number, number, string] {
  if (cursor === undefined) return ['', 0, 0, ''];
  const [date, year, serial, site] = cursor.split('|');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(Number(year)) || !Number.isInteger(Number(serial)) || site === undefined) {
    throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'contactsAfter' }, 'Bad contacts cursor');
  }
  return [date, Number(year), Number(serial), site];
}

/** The SQL of the records queries; every one is restricted by the caller's scope (defence in depth, DESIGN.md §5). */
export class RecordsQueries {
  constructor(private readonly pool: Pool) {}

  async search(q: ClientSearchQuery, scope: ScopeFilter): Promise<RegisterRow[]> {
    const params: unknown[] = [q.district];
    const where = ['r.district = $1', 'r.merged_into IS NULL'];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    for (const word of nameKey(q.q ?? '').split(' ').filter(Boolean)) {
      add((p) => `r.name_key LIKE ${p}`, `%${word.replace(/[%_\\]/g, '\\$&')}%`);
    }
    if (q.taj) add((p) => `r.taj = ${p}`, q.taj.replace(/\D/g, ''));
    if (q.birthDate) add((p) => `r.birth_date = ${p}`, q.birthDate);
    if (q.settlement) add((p) => `(r.site = ${p} OR r.residence_settlement = ${p})`, q.settlement);
    const scoped = scopedRegister(scope, params.length + 1);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${REGISTER_SELECT} FROM ${scoped.sql} r WHERE ${where.join(' AND ')}
        ORDER BY r.name_key, r.client_id LIMIT ${clamp(q.limit, 200)}`,
      [...params, ...scoped.params],
    );
    return rows.map(toRegisterRow);
  }

  async clientFile(q: ClientFileQuery, scope: ScopeFilter): Promise<ClientFile> {
    const scoped = scopedRegister(scope, 4);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${REGISTER_SELECT} FROM ${scoped.sql} r WHERE r.client_id = $1 AND r.district = $2 AND r.site = $3`,
      [q.clientId, q.district, q.settlement, ...scoped.params],
    );
    const row = rows[0];
    // Another district's or settlement's client reads as absent: no existence leak (ADR-0006).
    if (!row) throw new DomainError(PLATFORM_ERRORS.NOT_FOUND, { resource: 'client' });
    const client = toRegisterRow(row);
    const ids = [client.clientId, ...client.mergedClientIds];
    const [household, declarations, contacts] = await Promise.all([
      client.householdId
        ? this.pool.query<Row>(
            `SELECT ${REGISTER_SELECT} FROM ${REGISTER_TABLE} r WHERE r.household_id = $1 AND r.district = $2
               AND r.client_id <> $3 AND r.merged_into IS NULL ORDER BY r.birth_year, r.client_id`,
            [client.householdId, client.district, client.clientId],
          )
        : Promise.resolve({ rows: [] as Row[] }),
      this.pool.query<Row>(`SELECT * FROM ${DECLARATIONS_TABLE} WHERE client_id = ANY($1::text[]) ORDER BY declared_on, id`, [ids]),
      this.pool.query<Row>(
        `SELECT ${CONTACT_LOG_SELECT} FROM ${CONTACT_LOG_TABLE} c ${CONTACT_LOG_JOINS}
          WHERE c.client_id = ANY($1::text[]) AND (c.date, c.year, c.serial, c.site) > ($2, $3, $4, $5)
          ORDER BY c.date, c.year, c.serial, c.site LIMIT ${PAGE_MAX_ROWS + 1}`,
        [ids, ...contactsCursor(q.contactsAfter)],
      ),
    ]);
    const { page: contactRows, more } = fillPage(contacts.rows, PAGE_MAX_ROWS, toContactLogRow);
    const last = contactRows.at(-1);
    return {
      client,
      corrections: (row['corrections'] as ClientFile['corrections'] | null) ?? [],
      household: household.rows.map(toRegisterRow).map(({ clientId, name, birthYear, householdRelation, site }) => ({
        clientId,
        name,
        birthYear,
        householdRelation,
        site,
      })),
      declarations: declarations.rows.map((d) => ({
        id: String(d['id']),
        kind: d['kind'] === 'other-basic-services' ? 'other-basic-services' : 'data-processing-consent',
        declaredOn: String(d['declared_on']),
        recordedBy: String(d['recorded_by']),
        details: d['details'] as Record<string, unknown>,
      })),
      contacts: contactRows,
      ...(more && last ? { nextContactsCursor: [last.date, last.year, last.serial, last.site].join('|') } : {}),
    };
  }

  async contactLog(q: ContactLogQuery, scope: ScopeFilter): Promise<ContactLogPage> {
    const limit = clamp(q.limit, PAGE_MAX_ROWS);
    const rows = await this.naploPage<Row>(CONTACT_LOG_SELECT, q, scope, limit + 1);
    const { page: entries, more } = fillPage(rows, limit, toContactLogRow);
    const last = entries.at(-1);
    return more && last ? { entries, nextSerial: last.serial } : { entries };
  }

  /**
   * `rows` napló entries of a site and period after `afterSerial`, in serial order, as `select` over the entry `c` and
   * its joins. The page's rows are chosen before the joins and read along the (site, year, serial) index: the planner
   * misjudges how many rows of a big site lie after the cursor (site, year and serial are correlated: a few hundred
   * instead of 50,000), and joined every remaining row of the year before the LIMIT (~200 ms a page in the middle of
   * Debrecen's year on the national set), or with the rows chosen first still preferred a bitmap scan of all of them
   * and a sort (~20 ms against ~1 ms). `enable_bitmapscan` is turned off for this one read-only transaction.
   */
  private async naploPage<R extends object>(select: string, q: ContactLogExportQuery, scope: ScopeFilter, rows: number): Promise<R[]> {
    const range = periodRange(q.period);
    const scoped = scopedContactLog(scope, 7);
    return this.inSerialOrder<R>(
      `SELECT ${select}
         FROM (SELECT * FROM ${scoped.sql} p
                WHERE p.district = $1 AND p.site = $2 AND p.year = $3 AND p.date >= $4 AND p.date <= $5 AND p.serial > $6
                ORDER BY p.serial LIMIT ${rows}) c
         ${CONTACT_LOG_JOINS}
        ORDER BY c.serial`,
      [q.district, q.settlement, range.year, range.from, range.to, q.afterSerial ?? 0, ...scoped.params],
    );
  }

  private async inSerialOrder<R extends object>(sql: string, params: readonly unknown[]): Promise<R[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_bitmapscan = off');
      const { rows } = await client.query<R>(sql, params as unknown[]);
      await client.query('COMMIT');
      return rows;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * The napló export's pages: `contactLog`'s entries and order, only the printed fields, built as JSON by PostgreSQL.
   * A page is cut where its `rows` text, escaped inside the reply, would pass the byte budget.
   */
  async contactLogExport(q: ContactLogExportQuery, scope: ScopeFilter): Promise<ContactLogExportPage> {
    const rows = await this.naploPage<{ serial: number; entry: string }>(`c.serial, ${CONTACT_LOG_EXPORT_SELECT}`, q, scope, EXPORT_PAGE_MAX_ROWS + 1);
    const entries: string[] = [];
    // `"[` and `]"` around the entries; each entry costs its escaped bytes plus a comma.
    let bytes = 4;
    for (const row of rows.slice(0, EXPORT_PAGE_MAX_ROWS)) {
      bytes += escapedBytes(row.entry) + 1;
      if (entries.length > 0 && bytes > PAGE_BUDGET_BYTES) break;
      entries.push(row.entry);
    }
    const more = entries.length < rows.length;
    const last = rows[entries.length - 1];
    return { rows: `[${entries.join(',')}]`, ...(more && last ? { nextSerial: Number(last.serial) } : {}) };
  }

  async registerRows(q: RegisterRowsQuery, scope: ScopeFilter): Promise<RegisterRowsPage> {
    const limit = clamp(q.limit, PAGE_MAX_ROWS);
    const [site, year, number] = (q.cursor ?? '||0').split('|');
    const scoped = scopedRegister(scope, 6);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${REGISTER_SELECT} FROM ${scoped.sql} r
        WHERE r.district = $1 AND ($2::text IS NULL OR r.site = $2)
          AND (r.site, r.register_year, r.register_number) > ($3, $4, $5)
        ORDER BY r.site, r.register_year, r.register_number LIMIT ${limit + 1}`,
      [q.district, q.settlement ?? null, site ?? '', Number(year) || 0, Number(number) || 0, ...scoped.params],
    );
    const { page, more } = fillPage(rows, limit, toRegisterRow);
    const last = page.at(-1);
    return more && last
      ? { rows: page, nextCursor: `${last.site}|${last.registerYear}|${last.registerNumber}` }
      : { rows: page };
  }

  /** Superset of look-alikes for the intake duplicate check: same TAJ, or same name key and birth date. */
  async identityCandidates(q: IdentityCandidatesQuery): Promise<IdentityCandidate[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT client_id, name, birth_date, mothers_name, taj, merged_into FROM ${REGISTER_TABLE}
        WHERE district = $1 AND (($2::text IS NOT NULL AND taj = $2) OR (name_key = $3 AND birth_date = $4)) LIMIT 50`,
      [q.district, q.taj ?? null, nameKey(q.name), q.birthDate],
    );
    return rows.map((r) => ({
      clientId: String(r['client_id']),
      identity: {
        name: String(r['name'] ?? ''),
        birthDate: String(r['birth_date'] ?? ''),
        mothersName: String(r['mothers_name'] ?? ''),
        ...(r['taj'] ? { taj: String(r['taj']) } : {}),
      },
      ...(r['merged_into'] ? { survivorId: String(r['merged_into']) } : {}),
    }));
  }
}
