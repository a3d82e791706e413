import type pg from 'pg';
import {
  CLIENT_DETAILS_CORRECTED,
  CLIENT_MERGED_INTO,
  CLIENT_REGISTERED,
  CLIENTS_MERGED,
  DATA_PROCESSING_CONSENT_RECORDED,
  OTHER_BASIC_SERVICES_DECLARED,
  SERVICE_ENDED,
  SERVICE_STARTED,
  type ClientDetailsCorrectedData,
  type ClientDetailsCorrectedPersonal,
  type ClientMergedIntoData,
  type ClientPersonalDetails,
  type ClientRegisteredData,
  type DataProcessingConsentRecordedData,
  type OtherBasicServicesDeclaredData,
  type OtherBasicServicesDeclaredPersonal,
  type ServiceEndedData,
  type ServiceStartedData,
} from '@kapocs/intake/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import { type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';
import { CLIENT_ERASED, columnOf, nameKey, personalOf } from './intake-events.js';
import { REGISTER_COLUMNS, DECLARATION_COLUMNS, registerTableDdl } from './client-register.tables.js';

type Row = Record<string, unknown>;

const TYPES = [
  CLIENT_REGISTERED,
  CLIENT_DETAILS_CORRECTED,
  DATA_PROCESSING_CONSENT_RECORDED,
  OTHER_BASIC_SERVICES_DECLARED,
  SERVICE_STARTED,
  SERVICE_ENDED,
  CLIENT_MERGED_INTO,
  CLIENTS_MERGED,
  CLIENT_ERASED,
];

const CLIENT_STREAM = 'client-';

/** The client whose stream holds the event (ClientsMerged names the survivor, not `clientId`). */
const clientIdOf = (e: RecordedEvent): string | undefined =>
  e.streamId.startsWith(CLIENT_STREAM) ? e.streamId.slice(CLIENT_STREAM.length) : (e.data as { clientId?: string }).clientId;

/** Applies field changes (camelCase keys, `null` clears) to a row with snake_case columns. */
function applyChanges(row: Row, changes: Readonly<Record<string, unknown>> | undefined): void {
  for (const [field, value] of Object.entries(changes ?? {})) {
    const column = columnOf(field);
    if (column in REGISTER_COLUMNS) row[column] = value ?? null;
  }
  if (typeof row['name'] === 'string') row['name_key'] = nameKey(row['name']);
}

function registered(e: RecordedEvent<string, ClientRegisteredData>): Row {
  const d = e.data;
  const row: Row = Object.fromEntries(Object.keys(REGISTER_COLUMNS).map((c) => [c, null]));
  applyChanges(row, { ...d, ...personalOf<ClientPersonalDetails>(e, d.clientId) });
  return {
    ...row,
    consent: false,
    merged_into: null,
    corrections: [],
    position: e.position.toString(),
    stream_version: e.streamVersion.toString(),
  };
}

/** Folds one client event into the in-memory rows; returns the declaration row it adds, if any. */
function fold(rows: Map<string, Row>, erased: Set<string>, e: RecordedEvent): Row | undefined {
  const clientId = clientIdOf(e);
  if (!clientId) return undefined;
  if (e.type === CLIENT_REGISTERED) {
    rows.set(clientId, registered(e as RecordedEvent<string, ClientRegisteredData>));
    return undefined;
  }
  if (e.type === CLIENT_ERASED) {
    erased.add(clientId);
    for (const [id, row] of rows) if (id === clientId || row['merged_into'] === clientId) rows.delete(id);
    return undefined;
  }
  const row = rows.get(clientId);
  if (!row) return undefined;
  row['stream_version'] = e.streamVersion.toString();
  switch (e.type) {
    case CLIENT_DETAILS_CORRECTED: {
      const d = e.data as ClientDetailsCorrectedData;
      const p = personalOf<ClientDetailsCorrectedPersonal>(e, clientId);
      applyChanges(row, { ...d.after, ...p?.after });
      const correction = { correctedOn: d.correctedOn, reason: p?.reason ?? null, before: { ...d.before, ...p?.before }, after: { ...d.after, ...p?.after } };
      row['corrections'] = [...(row['corrections'] as unknown[]), correction];
      return undefined;
    }
    case SERVICE_STARTED:
      row['service_started_on'] = (e.data as ServiceStartedData).startedOn;
      row['service_ended_on'] = null;
      return undefined;
    case SERVICE_ENDED:
      row['service_ended_on'] = (e.data as ServiceEndedData).endedOn;
      return undefined;
    case CLIENT_MERGED_INTO:
      row['merged_into'] = (e.data as ClientMergedIntoData).survivorId;
      return undefined;
    case DATA_PROCESSING_CONSENT_RECORDED: {
      const d = e.data as DataProcessingConsentRecordedData;
      row['consent'] = d.purposes.register;
      const { clientId: _c, declaredOn, recordedBy, ...details } = d;
      return { id: e.id, client_id: clientId, kind: 'data-processing-consent', declared_on: declaredOn, recorded_by: recordedBy, details };
    }
    case OTHER_BASIC_SERVICES_DECLARED: {
      const d = e.data as OtherBasicServicesDeclaredData;
      const p = personalOf<OtherBasicServicesDeclaredPersonal>(e, clientId);
      const details = { usesOtherServices: d.usesOtherServices, services: d.services, providers: p?.providers ?? null };
      return { id: e.id, client_id: clientId, kind: 'other-basic-services', declared_on: d.declaredOn, recorded_by: d.recordedBy, details };
    }
    default:
      return undefined;
  }
}

async function loadRows(client: pg.PoolClient, table: string, ids: readonly string[]): Promise<Map<string, Row>> {
  const { rows } = await client.query<Row>(`SELECT * FROM ${table} WHERE client_id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r['client_id'] as string, r]));
}

/**
 * Nyilvántartás (Szt. 20. §): the client register with the identity (decrypted: the read model must show it), the
 * service start and end, the consent flag, merges and corrections; plus the declarations. Each batch loads the rows
 * it touches, folds in memory and writes once per table (set-based). An erased client's rows are deleted. Each row
 * keeps the version of its client stream, which a correction sends back as If-Match.
 */
export function clientRegisterProjection(version = 1): ProjectionDefinition {
  return {
    name: 'projector.client-register',
    version,
    tables: ['client_register', 'client_declarations'],
    types: TYPES,
    personal: 'decrypt',
    batchSize: 2000,
    migrations: registerTableDdl,
    async handleBatch(client, events, ctx) {
      const register = ctx.table('client_register');
      const declarations = ctx.table('client_declarations');
      const ids = [...new Set(events.flatMap((e) => clientIdOf(e) ?? []))];
      const rows = await loadRows(client, register, ids);
      const touched = new Set<string>();
      const erased = new Set<string>();
      const declared: Row[] = [];
      for (const e of events) {
        const declaration = fold(rows, erased, e);
        if (declaration) declared.push(declaration);
        const id = clientIdOf(e);
        if (id) touched.add(id);
      }
      if (erased.size) {
        const gone = [...erased];
        const { rows: merged } = await client.query<{ client_id: string }>(
          `DELETE FROM ${register} WHERE client_id = ANY($1::text[]) OR merged_into = ANY($1::text[]) RETURNING client_id`,
          [gone],
        );
        const all = [...gone, ...merged.map((m) => m.client_id)];
        await client.query(`DELETE FROM ${declarations} WHERE client_id = ANY($1::text[])`, [all]);
        for (const id of all) erased.add(id);
      }
      const live = [...touched].flatMap((id): Row[] => {
        const row = rows.get(id);
        return row && !erased.has(id) ? [row] : [];
      });
      await upsertRows(client, { table: register, columns: REGISTER_COLUMNS, key: ['client_id'] }, live);
      const kept = declared.filter((d) => !erased.has(d['client_id'] as string));
      await upsertRows(client, { table: declarations, columns: DECLARATION_COLUMNS, key: ['id'] }, kept);
    },
  };
}

/** v2: `stream_version` (the ETag of corrections), ClientsMerged moves the survivor's version. */
export const clientRegisterProjectionV2 = clientRegisterProjection(2);
