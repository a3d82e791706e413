import type pg from 'pg';
import { CASE_CLOSED, CASE_HANDED_OVER, CASE_OPENED, CASE_REOPENED, type CaseHandedOverData, type CaseOpenedData } from '@kapocs/casework/contracts';
import { CLIENT_DETAILS_CORRECTED, CLIENT_ERASED, CLIENT_MERGED_INTO, CLIENT_REGISTERED } from '@kapocs/intake/contracts';
import { type MatchAlert, SIGNAL_ASSIGNED, SIGNAL_LINKED_TO_CLIENT, SIGNAL_SUBMITTED, type SignalSubmittedData } from '@kapocs/signals/contracts';
import type { EventStore, RecordedEvent } from '@kapocs/platform/event-store';
import { type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';
import { dropKeys, type IdentityTables, onClientIdentity, onSignalSubmitted } from './identity-match.js';

interface Tables extends IdentityTables {
  readonly alerts: string;
}
interface Alert {
  readonly signalId: string;
  readonly settlement: string;
  readonly kind: MatchAlert['kind'];
  readonly matchedSignalId?: string;
  readonly matchedCaseId?: string;
  readonly clientId?: string;
  readonly notifyWorkerId: string | null;
}

/** The batch's alerts, written in one statement at its end: nothing in the batch reads the alerts table. */
type Raised = Record<string, unknown>[];

function raise(out: Raised, e: RecordedEvent, district: string, clientId: string | null, alerts: readonly Alert[]): void {
  alerts.forEach((a, i) =>
    out.push({
      alert_id: `${e.id}:${i}`,
      district,
      settlement: a.settlement,
      signal_id: a.signalId,
      kind: a.kind,
      matched_signal_id: a.matchedSignalId ?? null,
      matched_case_id: a.matchedCaseId ?? null,
      client_id: a.clientId ?? clientId,
      notify_worker_id: a.notifyWorkerId,
      raised_at: e.recordedAt.toISOString(),
    }),
  );
}

const ALERT_COLUMNS = {
  alert_id: 'text',
  district: 'text',
  settlement: 'text',
  signal_id: 'text',
  kind: 'text',
  matched_signal_id: 'text',
  matched_case_id: 'text',
  client_id: 'text',
  notify_worker_id: 'text',
  raised_at: 'timestamptz',
} as const;

/**
 * A signal linked to a client meets the client's other signals (from any member, any settlement of the district) and
 * open cases: each side's handler, and the case-responsible worker, gets an alert at once. Alerts name signals and
 * cases by id only, and the portal never reads this table, so no signaller learns of another.
 */
async function onLinked(client: pg.PoolClient, t: Tables, e: RecordedEvent, out: Raised): Promise<void> {
  const { signalId, clientId } = e.data as { signalId: string; clientId: string };
  const self = (await client.query<{ district: string; settlement: string; assigned_to: string | null }>(`UPDATE ${t.signals} SET client_id = $2 WHERE signal_id = $1 RETURNING district, settlement, assigned_to`, [signalId, clientId])).rows[0];
  if (!self) return;
  const others = await client.query<{ signal_id: string; settlement: string; assigned_to: string | null }>(
    `SELECT signal_id, settlement, assigned_to FROM ${t.signals} WHERE district = $1 AND client_id = $2 AND signal_id <> $3`,
    [self.district, clientId, signalId],
  );
  const cases = await client.query<{ case_id: string; site: string; worker_id: string }>(
    `SELECT case_id, site, worker_id FROM ${t.cases} WHERE district = $1 AND $2 = ANY(client_ids) AND open`,
    [self.district, clientId],
  );
  const alerts: Alert[] = [
    ...others.rows.flatMap((o): Alert[] => [
      { signalId, settlement: self.settlement, kind: 'signalled_before', matchedSignalId: o.signal_id, notifyWorkerId: self.assigned_to },
      { signalId: o.signal_id, settlement: o.settlement, kind: 'signalled_before', matchedSignalId: signalId, notifyWorkerId: o.assigned_to },
    ]),
    ...cases.rows.flatMap((c): Alert[] => [
      { signalId, settlement: self.settlement, kind: 'open_case', matchedCaseId: c.case_id, notifyWorkerId: self.assigned_to },
      { signalId, settlement: c.site, kind: 'open_case', matchedCaseId: c.case_id, notifyWorkerId: c.worker_id },
    ]),
  ];
  raise(out, e, self.district, clientId, alerts);
  // Linked: from now on the signal meets others through its client, not its identity keys.
  await dropKeys(client, t, signalId);
}

async function apply(client: pg.PoolClient, t: Tables, e: RecordedEvent, key: Buffer, store: EventStore, out: Raised): Promise<void> {
  switch (e.type) {
    case SIGNAL_SUBMITTED: {
      raise(out, e, (e.data as SignalSubmittedData).district, null, await onSignalSubmitted(client, t, key, e));
      return;
    }
    case CLIENT_REGISTERED:
    case CLIENT_DETAILS_CORRECTED:
      return onClientIdentity(client, t, key, store, e);
    case CLIENT_ERASED:
    case CLIENT_MERGED_INTO:
      await dropKeys(client, t, (e.data as { clientId: string }).clientId);
      return;
    case SIGNAL_ASSIGNED: {
      const { signalId, workerId } = e.data as { signalId: string; workerId: string };
      await client.query(`UPDATE ${t.signals} SET assigned_to = $2 WHERE signal_id = $1`, [signalId, workerId]);
      return;
    }
    case SIGNAL_LINKED_TO_CLIENT:
      return onLinked(client, t, e, out);
    case CASE_OPENED: {
      const c = e.data as CaseOpenedData;
      await client.query(`INSERT INTO ${t.cases} (case_id, district, site, client_ids, worker_id, open) VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT DO NOTHING`, [
        c.caseId,
        c.district,
        c.site,
        [c.clientId, ...c.memberIds],
        c.responsibleWorkerId,
      ]);
      return;
    }
    case CASE_HANDED_OVER: {
      const h = e.data as CaseHandedOverData;
      await client.query(`UPDATE ${t.cases} SET worker_id = $2 WHERE case_id = $1`, [h.caseId, h.toWorkerId]);
      return;
    }
    case CASE_CLOSED:
    case CASE_REOPENED:
      await client.query(`UPDATE ${t.cases} SET open = $2 WHERE case_id = $1`, [(e.data as { caseId: string }).caseId, e.type === CASE_REOPENED]);
      return;
  }
}

/**
 * Match alerts (egyezésjelzés) for the handlers of signals and the case-responsible workers of open cases: through
 * the linked client, and before linking through identity keys (keyed hashes only; `key` from the master key). It
 * decrypts personal data only to hash it.
 */
export const matchAlertsProjection = (key: Buffer, store: EventStore): ProjectionDefinition => ({
  name: 'signals.matches',
  // v3: alerts also indexed by (district, raised_at DESC): the district's newest alerts (the notification follower's
  // question after every batch) were a sort of all the district's alerts, growing with its history.
  version: 3,
  tables: ['match_signals', 'match_cases', 'identity_keys', 'alerts'],
  types: [
    SIGNAL_SUBMITTED,
    SIGNAL_ASSIGNED,
    SIGNAL_LINKED_TO_CLIENT,
    CASE_OPENED,
    CASE_HANDED_OVER,
    CASE_CLOSED,
    CASE_REOPENED,
    CLIENT_REGISTERED,
    CLIENT_DETAILS_CORRECTED,
    CLIENT_ERASED,
    CLIENT_MERGED_INTO,
  ],
  personal: 'decrypt',
  batchSize: 1000,
  migrations: (table) => [
    `CREATE TABLE ${table('match_signals')} (signal_id text PRIMARY KEY, district text NOT NULL, settlement text NOT NULL, assigned_to text, client_id text)`,
    `CREATE INDEX ON ${table('match_signals')} (district, client_id)`,
    `CREATE TABLE ${table('match_cases')} (case_id text PRIMARY KEY, district text NOT NULL, site text NOT NULL, client_ids text[] NOT NULL, worker_id text NOT NULL, open boolean NOT NULL)`,
    `CREATE INDEX ON ${table('match_cases')} USING gin (client_ids)`,
    `CREATE TABLE ${table('alerts')} (
       alert_id text PRIMARY KEY,
       district text NOT NULL,
       settlement text NOT NULL,
       signal_id text NOT NULL,
       kind text NOT NULL,
       matched_signal_id text,
       matched_case_id text,
       client_id text,
       notify_worker_id text,
       raised_at timestamptz NOT NULL)`,
    `CREATE INDEX ON ${table('alerts')} (district, settlement, raised_at)`,
    `CREATE INDEX ON ${table('alerts')} (district, raised_at DESC, alert_id)`,
    `CREATE TABLE ${table('identity_keys')} (key_hash text NOT NULL, ref_id text NOT NULL, kind text NOT NULL, district text NOT NULL, settlement text, PRIMARY KEY (key_hash, ref_id))`,
    `CREATE INDEX ON ${table('identity_keys')} (district, key_hash)`,
    `CREATE INDEX ON ${table('identity_keys')} (ref_id)`,
  ],
  async handleBatch(client, events, ctx) {
    const t = { signals: ctx.table('match_signals'), cases: ctx.table('match_cases'), keys: ctx.table('identity_keys'), alerts: ctx.table('alerts') };
    const raised: Raised = [];
    for (const e of events) await apply(client, t, e, key, store, raised);
    // One statement for the batch: a signal can raise up to 40 alerts (MAX_MATCHES both ways), one INSERT each before.
    await upsertRows(client, { table: t.alerts, columns: ALERT_COLUMNS, key: ['alert_id'], onConflict: 'nothing' }, raised);
  },
});
