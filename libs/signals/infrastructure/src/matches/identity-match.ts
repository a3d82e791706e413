import type pg from 'pg';
import {
  CLIENT_DETAILS_CORRECTED,
  CLIENT_REGISTERED,
  type ClientDetailsCorrectedData,
  type ClientDetailsCorrectedPersonal,
  type ClientPersonalDetails,
  type ClientRegisteredData,
  clientStreamId,
} from '@kapocs/intake/contracts';
import type { SignalPersonal, SignalSubmittedData } from '@kapocs/signals/contracts';
import { type EventStore, isRedacted, type RecordedEvent } from '@kapocs/platform/event-store';
import { type IdentityFields, identityKeys } from './identity-keys.js';

export interface IdentityTables {
  readonly signals: string;
  readonly cases: string;
  readonly keys: string;
}
export interface IdentityAlert {
  readonly signalId: string;
  readonly settlement: string;
  readonly kind: 'identity_client' | 'identity_signal' | 'open_case';
  readonly matchedSignalId?: string;
  readonly matchedCaseId?: string;
  readonly clientId?: string;
  readonly notifyWorkerId: string | null;
}

// A bound on alerts per signal: a name shared by many (or a test fixture) must not fan out without limit.
const MAX_MATCHES = 20;
/**
 * Key rows read per search at most: a subject has at most three keys, so this still yields MAX_MATCHES distinct matches, and
 * a subject signalled thousands of times (the benchmark names one child in every signal) costs the same as any
 * other — the DISTINCT over every matching row grew with each signal (14 ms a search after ~10,000 signals).
 */
const MATCH_ROWS_READ = MAX_MATCHES * 4;

const personalOf = <P>(e: RecordedEvent, subjectId: string): P | undefined => {
  const p = e.personal[subjectId];
  return p === undefined || isRedacted(p) ? undefined : (p as unknown as P);
};

async function putClientKeys(client: pg.PoolClient, t: IdentityTables, clientId: string, district: string, keys: readonly string[]): Promise<void> {
  // A client's keys are replaced on every identity correction.
  await client.query(`DELETE FROM ${t.keys} WHERE ref_id = $1`, [clientId]);
  if (keys.length === 0) return;
  await client.query(
    `INSERT INTO ${t.keys} (key_hash, ref_id, kind, district, settlement) SELECT k, $2, 'client', $3, NULL FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
    [keys, clientId, district],
  );
}

export const dropKeys = (client: pg.PoolClient, t: IdentityTables, refId: string): Promise<unknown> => client.query(`DELETE FROM ${t.keys} WHERE ref_id = $1`, [refId]);

/**
 * A new signal's subject against the district's register and its other unlinked signals, before anyone links it:
 * a client match alerts the signal's settlement (and the worker of any open case of the client), a signal match
 * alerts both signals' settlements. Only keyed hashes are stored; alerts carry ids, never who the person is.
 * One statement records the signal, stores its keys and finds the matches: the search reads the snapshot from before
 * the statement, which holds every earlier signal and client and never this signal's own keys.
 */
export async function onSignalSubmitted(client: pg.PoolClient, t: IdentityTables, key: Buffer, e: RecordedEvent): Promise<IdentityAlert[]> {
  const s = e.data as SignalSubmittedData;
  const subject = personalOf<SignalPersonal>(e, s.signalId)?.subject;
  const keys = subject ? identityKeys(key, subject) : [];
  // A signal's keys are written once, at its submission (a client's are replaced on every identity correction).
  const { rows } = await client.query<{ ref_id: string; kind: 'client' | 'signal'; settlement: string | null; assigned_to: string | null }>(
    `WITH registered AS (INSERT INTO ${t.signals} (signal_id, district, settlement) VALUES ($3, $1, $4) ON CONFLICT DO NOTHING),
          keyed AS (INSERT INTO ${t.keys} (key_hash, ref_id, kind, district, settlement) SELECT k, $3, 'signal', $1, $4 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING)
     SELECT k.ref_id, k.kind, k.settlement, m.assigned_to
       FROM (SELECT DISTINCT ref_id, kind, settlement FROM (
               SELECT ref_id, kind, settlement FROM ${t.keys}
                WHERE district = $1 AND key_hash = ANY($2::text[]) AND ref_id <> $3 LIMIT ${MATCH_ROWS_READ}) r
             LIMIT ${MAX_MATCHES}) k
       LEFT JOIN ${t.signals} m ON m.signal_id = k.ref_id`,
    [s.district, keys, s.signalId, s.settlement],
  );
  const alerts: IdentityAlert[] = [];
  for (const m of rows) {
    if (m.kind === 'signal') {
      alerts.push(
        { signalId: s.signalId, settlement: s.settlement, kind: 'identity_signal', matchedSignalId: m.ref_id, notifyWorkerId: null },
        { signalId: m.ref_id, settlement: m.settlement ?? s.settlement, kind: 'identity_signal', matchedSignalId: s.signalId, notifyWorkerId: m.assigned_to },
      );
      continue;
    }
    alerts.push({ signalId: s.signalId, settlement: s.settlement, kind: 'identity_client', clientId: m.ref_id, notifyWorkerId: null });
    const cases = await client.query<{ case_id: string; site: string; worker_id: string }>(
      `SELECT case_id, site, worker_id FROM ${t.cases} WHERE district = $1 AND $2 = ANY(client_ids) AND open`,
      [s.district, m.ref_id],
    );
    for (const c of cases.rows) {
      alerts.push({ signalId: s.signalId, settlement: c.site, kind: 'open_case', matchedCaseId: c.case_id, clientId: m.ref_id, notifyWorkerId: c.worker_id });
    }
  }
  return alerts;
}

/** A registered client's identity keys; a correction of an identity field refolds the client's stream. */
export async function onClientIdentity(client: pg.PoolClient, t: IdentityTables, key: Buffer, store: EventStore, e: RecordedEvent): Promise<void> {
  if (e.type === CLIENT_REGISTERED) {
    const d = e.data as ClientRegisteredData;
    const p = personalOf<ClientPersonalDetails>(e, d.clientId);
    await putClientKeys(client, t, d.clientId, d.district, p ? identityKeys(key, p) : []);
    return;
  }
  if (e.type !== CLIENT_DETAILS_CORRECTED) return;
  const { clientId, personalFields } = e.data as ClientDetailsCorrectedData;
  if (!personalFields.some((f) => f === 'name' || f === 'birthName' || f === 'birthDate' || f === 'taj')) return;
  let district: string | undefined;
  let fields: IdentityFields | undefined;
  for await (const r of store.readStream(clientStreamId(clientId))) {
    if (r.type === CLIENT_REGISTERED) {
      district = (r.data as ClientRegisteredData).district;
      fields = personalOf<ClientPersonalDetails>(r, clientId);
    } else if (r.type === CLIENT_DETAILS_CORRECTED && fields) {
      fields = { ...fields, ...(personalOf<ClientDetailsCorrectedPersonal>(r, clientId)?.after ?? {}) };
    }
  }
  await putClientKeys(client, t, clientId, district ?? '', district && fields ? identityKeys(key, fields) : []);
}
