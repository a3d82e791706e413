import type pg from 'pg';
import {
  CLIENT_MERGED_INTO,
  CONTACT_CORRECTED,
  CONTACT_LOGGED,
  CONTACT_VOIDED,
  GROUP_SESSION_LOGGED,
  type ClientMergedIntoData,
  type ContactCorrectedData,
  type ContactCorrectedPersonal,
  type ContactLoggedData,
  type ContactPersonal,
  type ContactVoidedData,
  type GroupSessionLoggedData,
} from '@kapocs/intake/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import { type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';
import { CLIENT_ERASED, columnOf, personalOf } from './intake-events.js';
import { CONTACT_LOG_COLUMNS, contactLogTableDdl } from './contact-log.tables.js';

type Row = Record<string, unknown>;

const TYPES = [CONTACT_LOGGED, GROUP_SESSION_LOGGED, CONTACT_CORRECTED, CONTACT_VOIDED, CLIENT_MERGED_INTO, CLIENT_ERASED];
const CORRECTABLE = new Set(Object.keys(CONTACT_LOG_COLUMNS));

const emptyRow = (): Row => Object.fromEntries(Object.keys(CONTACT_LOG_COLUMNS).map((c) => [c, null]));

function logged(e: RecordedEvent, serial: number): Row {
  const base = {
    ...emptyRow(),
    serial,
    voided: false,
    corrections: [],
    position: e.position.toString(),
    stream_version: e.streamVersion.toString(),
    benefits: [],
  };
  if (e.type === GROUP_SESSION_LOGGED) {
    const d = e.data as GroupSessionLoggedData;
    return {
      ...base,
      contact_id: d.contactId, kind: 'group', district: d.district, site: d.site, year: d.year, date: d.date,
      duty_worker_id: d.dutyWorkerId, case_worker_id: d.caseWorkerId ?? null, group_type: d.groupType,
      participant_count: d.participantCount, new_participant_count: d.newParticipantCount ?? null,
      problem_types: [], case_handling: [], crisis: false,
      description: personalOf<ContactPersonal>(e, d.contactId)?.description ?? null,
    };
  }
  const d = e.data as ContactLoggedData;
  const s = d.subject.kind === 'client' ? d.subject : undefined;
  return {
    ...base,
    contact_id: d.contactId, kind: 'contact', district: d.district, site: d.site, year: d.year, date: d.date,
    client_id: s?.clientId ?? null, individual_id: s?.individualId ?? null, birth_year: s?.birthYear ?? null,
    sex: s?.sex ?? null, economic_activity: s?.economicActivity ?? null, family_status: s?.familyStatus ?? null,
    education: s?.education ?? null, new_in_year: d.newInYear, mode: d.mode, referrer: d.referrer ?? null,
    problem_types: d.problemTypes, crisis: d.crisis, case_handling: d.caseHandling, benefits: d.benefits,
    case_worker_id: d.caseWorkerId ?? null, duty_worker_id: d.dutyWorkerId,
    description: personalOf<ContactPersonal>(e, s?.clientId ?? d.contactId)?.description ?? null,
  };
}

/** The subject whose key encrypts an entry's personal data: its client, or the entry itself when anonymous. */
const subjectOf = (row: Row): string => (row['client_id'] as string | null) ?? (row['contact_id'] as string);

function corrected(row: Row, e: RecordedEvent): void {
  const d = e.data as ContactCorrectedData;
  const p = personalOf<ContactCorrectedPersonal>(e, subjectOf(row));
  for (const [field, value] of Object.entries(d.after)) {
    const column = columnOf(field);
    if (CORRECTABLE.has(column) && column !== 'serial' && column !== 'site' && column !== 'year') row[column] = value ?? null;
  }
  if (d.descriptionChanged && p?.description) row['description'] = p.description.after;
  const correction = {
    correctedOn: d.correctedOn,
    reason: p?.reason ?? null,
    before: { ...d.before, ...(p?.description ? { description: p.description.before } : {}) },
    after: { ...d.after, ...(p?.description ? { description: p.description.after } : {}) },
  };
  row['corrections'] = [...(row['corrections'] as unknown[]), correction];
}

async function loadState(client: pg.PoolClient, table: (b: string) => string, events: readonly RecordedEvent[]) {
  const ids = events.filter((e) => e.type === CONTACT_CORRECTED || e.type === CONTACT_VOIDED).map((e) => (e.data as { contactId: string }).contactId);
  const { rows } = await client.query<Row>(`SELECT * FROM ${table('contact_log')} WHERE contact_id = ANY($1::text[])`, [ids]);
  const sites = events.filter((e) => e.type === CONTACT_LOGGED || e.type === GROUP_SESSION_LOGGED).map((e) => e.data as { site: string; year: number });
  const { rows: counters } = await client.query<{ site: string; year: number; last: number }>(
    `SELECT s.site, s.year, s.last FROM ${table('contact_log_serials')} s
       JOIN unnest($1::text[], $2::int[]) AS k(site, year) ON k.site = s.site AND k.year = s.year`,
    [sites.map((s) => s.site), sites.map((s) => s.year)],
  );
  return {
    rows: new Map(rows.map((r) => [r['contact_id'] as string, r])),
    serials: new Map(counters.map((c) => [`${c.site}|${c.year}`, { site: c.site, year: c.year, last: c.last }])),
  };
}

/**
 * Forgalmi napló (1/2000. SzCsM r. 7. melléklet): one row per ContactLogged / GroupSessionLogged, numbered per site
 * and year in global commit order, so numbers have no gaps, no duplicates, and a rebuild gives the same numbers
 * (ADR-0006). Corrections keep the number and append to `corrections`; voids keep it and mark the row. Client names
 * are not copied here: queries join the register, so an erasure there removes them from the log too. Each row keeps
 * the version of its contact stream, which a correction sends back as If-Match.
 */
export function contactLogProjection(version = 1): ProjectionDefinition {
  return {
    name: 'projector.contact-log',
    version,
    tables: ['contact_log', 'contact_log_serials', 'contact_log_merges'],
    types: TYPES,
    personal: 'decrypt',
    batchSize: 2000,
    migrations: contactLogTableDdl,
    async handleBatch(client, events, ctx) {
      const { rows, serials } = await loadState(client, ctx.table, events);
      const touched = new Set<string>();
      const merges: Row[] = [];
      const erased: string[] = [];
      for (const e of events) {
        if (e.type === CONTACT_LOGGED || e.type === GROUP_SESSION_LOGGED) {
          const { site, year } = e.data as { site: string; year: number };
          const counter = serials.get(`${site}|${year}`) ?? { site, year, last: 0 };
          counter.last += 1;
          serials.set(`${site}|${year}`, counter);
          const row = logged(e, counter.last);
          rows.set(row['contact_id'] as string, row);
          touched.add(row['contact_id'] as string);
        } else if (e.type === CONTACT_CORRECTED || e.type === CONTACT_VOIDED) {
          const row = rows.get((e.data as { contactId: string }).contactId);
          if (!row) continue;
          if (e.type === CONTACT_CORRECTED) corrected(row, e);
          else {
            row['voided'] = true;
            row['voided_on'] = (e.data as ContactVoidedData).voidedOn;
            row['void_reason'] = personalOf<{ reason: string }>(e, subjectOf(row))?.reason ?? null;
          }
          row['stream_version'] = e.streamVersion.toString();
          touched.add(row['contact_id'] as string);
        } else if (e.type === CLIENT_MERGED_INTO) {
          const d = e.data as ClientMergedIntoData;
          merges.push({ client_id: d.clientId, survivor_id: d.survivorId });
        } else if (e.type === CLIENT_ERASED) erased.push((e.data as { clientId: string }).clientId);
      }
      const log = ctx.table('contact_log');
      await upsertRows(client, { table: log, columns: CONTACT_LOG_COLUMNS, key: ['contact_id'] }, [...touched].map((id) => rows.get(id) as Row));
      await upsertRows(
        client,
        { table: ctx.table('contact_log_serials'), columns: { site: 'text', year: 'int', last: 'int' }, key: ['site', 'year'] },
        [...serials.values()],
      );
      await upsertRows(client, { table: ctx.table('contact_log_merges'), columns: { client_id: 'text', survivor_id: 'text' }, key: ['client_id'] }, merges);
      if (erased.length) await eraseDescriptions(client, log, ctx.table('contact_log_merges'), erased);
    },
  };
}

/** Szt. 23. §: the entry and its number stay (statistics, gap-free log), every personal text about the client goes. */
async function eraseDescriptions(client: pg.PoolClient, log: string, merges: string, clientIds: readonly string[]): Promise<void> {
  await client.query(
    `UPDATE ${log} SET description = NULL, void_reason = NULL,
        corrections = (SELECT coalesce(jsonb_agg(c - 'reason' || jsonb_build_object(
                         'before', (c->'before') - 'description', 'after', (c->'after') - 'description')), '[]'::jsonb)
                         FROM jsonb_array_elements(corrections) c)
      WHERE client_id = ANY($1::text[]) OR client_id IN (SELECT client_id FROM ${merges} WHERE survivor_id = ANY($1::text[]))`,
    [clientIds],
  );
}

/** v2: `stream_version` (the ETag of corrections). */
export const contactLogProjectionV2 = contactLogProjection(2);
