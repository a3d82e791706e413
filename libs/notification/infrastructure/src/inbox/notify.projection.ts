import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CLIENT_DETAILS_CORRECTED, CLIENT_REGISTERED } from '@kapocs/intake/contracts';
import {
  CLOSING_MEASURES,
  type FeedbackStatus,
  SIGNAL_ASSIGNED,
  SIGNAL_LINKED_TO_CLIENT,
  SIGNAL_MEASURE_RECORDED,
  SIGNAL_SUBMITTED,
  type SignalSubmittedData,
} from '@kapocs/signals/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import type { ProjectionContext, ProjectionDefinition } from '@kapocs/platform/projections';
import { ALERTS_CHANNEL, OUTBOX_CHANNEL } from '../notification.migrations.js';
import { advance, assigned, type Intent, type SignalFacts, statusChanged } from './notify-rules.js';

interface Tables {
  readonly signals: string;
  readonly notifications: string;
  readonly deliveries: string;
  readonly alertChecks: string;
}

interface Row {
  signal_id: string;
  district: string;
  reference: string;
  organisation_id: string | null;
  status: FeedbackStatus;
  assigned_to: string | null;
}
const facts = (r: Row): SignalFacts => ({ signalId: r.signal_id, district: r.district, reference: r.reference, organisationId: r.organisation_id, status: r.status, assignedTo: r.assigned_to });

async function load(client: pg.PoolClient, t: Tables, signalId: string): Promise<Row | undefined> {
  return (await client.query<Row>(`SELECT signal_id, district, reference, organisation_id, status, assigned_to FROM ${t.signals} WHERE signal_id = $1`, [signalId])).rows[0];
}

/** Moves the signal's feedback status forward and says whom that tells. */
async function moveStatus(client: pg.PoolClient, t: Tables, row: Row, to: FeedbackStatus, set: Partial<Pick<Row, 'assigned_to'>> & { client_id?: string } = {}): Promise<{ intents: Intent[]; after: SignalFacts }> {
  const status = advance(row.status, to);
  await client.query(`UPDATE ${t.signals} SET status = $2, assigned_to = COALESCE($3, assigned_to), client_id = COALESCE($4, client_id) WHERE signal_id = $1`, [row.signal_id, status, set.assigned_to ?? null, set.client_id ?? null]);
  const after = facts({ ...row, status, assigned_to: set.assigned_to ?? row.assigned_to });
  return { intents: statusChanged(after, row.status), after };
}

async function onSignalEvent(client: pg.PoolClient, t: Tables, e: RecordedEvent): Promise<Intent[]> {
  if (e.type === SIGNAL_SUBMITTED) {
    const s = e.data as SignalSubmittedData;
    const inserted = await client.query<Row>(
      `INSERT INTO ${t.signals} (signal_id, district, reference, organisation_id, status) VALUES ($1, $2, $3, $4, 'received')
       ON CONFLICT DO NOTHING RETURNING signal_id, district, reference, organisation_id, status, assigned_to`,
      [s.signalId, s.district, s.reference, s.organisationId ?? null],
    );
    const row = inserted.rows[0];
    return row ? statusChanged(facts(row), undefined) : [];
  }
  const data = e.data as { signalId: string; workerId?: string; clientId?: string; kind?: string };
  const row = await load(client, t, data.signalId);
  if (!row) return [];
  switch (e.type) {
    case SIGNAL_ASSIGNED: {
      const { intents, after } = await moveStatus(client, t, row, 'being_handled', { assigned_to: String(data.workerId) });
      return [...assigned(after, String(data.workerId)), ...intents];
    }
    case SIGNAL_LINKED_TO_CLIENT:
      return (await moveStatus(client, t, row, 'being_handled', { client_id: String(data.clientId) })).intents;
    case SIGNAL_MEASURE_RECORDED:
      return (await moveStatus(client, t, row, CLOSING_MEASURES.includes(String(data.kind)) ? 'closed' : 'measures_taken')).intents;
    default:
      return [];
  }
}

/** Writes the in-app notifications and queues the e-mails; the unique keys make a replayed event a no-op. */
async function emit(client: pg.PoolClient, t: Tables, e: RecordedEvent, intents: readonly Intent[]): Promise<number> {
  let queued = 0;
  for (const i of intents) {
    await client.query(
      `INSERT INTO ${t.notifications} (id, event_id, recipient, kind, district, signal_id, params, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (event_id, recipient) DO NOTHING`,
      [randomUUID(), e.id, i.recipient, i.kind, i.district, i.signalId, i.params, e.recordedAt],
    );
    if (!i.email) continue;
    const r = await client.query(
      `INSERT INTO ${t.deliveries} (id, event_id, event_type, recipient, channel, kind, district, signal_id, params, event_at) VALUES ($1, $2, $3, $4, 'email', $5, $6, $7, $8, $9)
       ON CONFLICT (event_id, recipient, channel) DO NOTHING`,
      [randomUUID(), e.id, e.type, i.recipient, i.kind, i.district, i.signalId, i.params, e.recordedAt],
    );
    queued += r.rowCount ?? 0;
  }
  return queued;
}

export interface NotifyProjectionOptions {
  /** Quoted `schema.table` of the inbox and the outbox (not versioned: a rebuild must not resend). */
  readonly notifications: string;
  readonly deliveries: string;
  /** Quoted `schema.alert_checks`: districts whose match alerts are to be fetched (after this checkpoint). */
  readonly alertChecks: string;
  readonly maxEventAgeMs: number;
  readonly now?: () => number;
  /** Called inside the transaction with the in-app notifications written (metrics). */
  readonly onNotified?: (intents: readonly Intent[]) => void;
}

/** Events after which the signals service may have raised match alerts (link, new signal, new or corrected client). */
const MAY_RAISE_ALERTS = new Set([SIGNAL_SUBMITTED, SIGNAL_LINKED_TO_CLIENT, CLIENT_REGISTERED, CLIENT_DETAILS_CORRECTED]);

/**
 * The notification service's view of signals (status, handler, linked client) and the trigger of notifications: each
 * batch, its inbox and outbox rows commit with the checkpoint, so an event notifies exactly once even when it is read
 * again (ADR-0010). Match alerts are the signals service's: the batch only notes which districts to ask, and after
 * which checkpoint (AlertFollower). Stale history only builds the state.
 */
export function notifyProjection(options: NotifyProjectionOptions): ProjectionDefinition {
  const now = options.now ?? Date.now;
  return {
    name: 'notification.signals',
    version: 2,
    tables: ['signal_state'],
    types: [SIGNAL_SUBMITTED, SIGNAL_ASSIGNED, SIGNAL_LINKED_TO_CLIENT, SIGNAL_MEASURE_RECORDED, CLIENT_REGISTERED, CLIENT_DETAILS_CORRECTED],
    personal: 'omit',
    batchSize: 500,
    migrations: (table) => [
      `CREATE TABLE ${table('signal_state')} (signal_id text PRIMARY KEY, district text NOT NULL, reference text NOT NULL, organisation_id text, status text NOT NULL, assigned_to text, client_id text)`,
      `CREATE INDEX ON ${table('signal_state')} (district) WHERE status <> 'closed'`,
    ],
    async handleBatch(client, events, ctx: ProjectionContext) {
      const t: Tables = { signals: ctx.table('signal_state'), notifications: options.notifications, deliveries: options.deliveries, alertChecks: options.alertChecks };
      let queued = 0;
      const alertChecks = new Map<string, string>();
      for (const e of events) {
        const intents = e.type.startsWith('intake.') ? [] : await onSignalEvent(client, t, e);
        // Stale history notifies no one; a rebuild's replay of fresh events is stopped by the unique keys.
        if (now() - e.recordedAt.getTime() > options.maxEventAgeMs) continue;
        if (MAY_RAISE_ALERTS.has(e.type)) alertChecks.set(e.metadata.district, e.checkpoint);
        if (intents.length === 0) continue;
        queued += await emit(client, t, e, intents);
        options.onNotified?.(intents);
      }
      for (const [district, checkpoint] of alertChecks) {
        await client.query(`INSERT INTO ${t.alertChecks} (district, checkpoint) VALUES ($1, $2) ON CONFLICT (district) DO UPDATE SET checkpoint = EXCLUDED.checkpoint`, [district, checkpoint]);
      }
      if (queued > 0) await client.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      if (alertChecks.size > 0) await client.query(`SELECT pg_notify($1, '')`, [ALERTS_CHANNEL]);
    },
  };
}
