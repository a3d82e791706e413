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
import { type ProjectionContext, type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';
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

/**
 * A run of submissions in one statement; only the rows it inserted notify (a replayed event finds its row). Returns
 * the intents per event, in order.
 */
async function onSubmitted(client: pg.PoolClient, t: Tables, events: readonly RecordedEvent[]): Promise<Intent[][]> {
  const data = events.map((e) => e.data as SignalSubmittedData);
  const { rows } = await client.query<Row>(
    `INSERT INTO ${t.signals} (signal_id, district, reference, organisation_id, status)
     SELECT u.signal_id, u.district, u.reference, u.organisation_id, 'received'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(signal_id, district, reference, organisation_id)
     ON CONFLICT DO NOTHING RETURNING signal_id, district, reference, organisation_id, status, assigned_to`,
    [data.map((s) => s.signalId), data.map((s) => s.district), data.map((s) => s.reference), data.map((s) => s.organisationId ?? null)],
  );
  const inserted = new Map(rows.map((r) => [r.signal_id, r]));
  return data.map((s) => {
    const row = inserted.get(s.signalId);
    return row ? statusChanged(facts(row), undefined) : [];
  });
}

async function onSignalEvent(client: pg.PoolClient, t: Tables, e: RecordedEvent): Promise<Intent[]> {
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

type Rows = Record<string, unknown>[];

/** The batch's in-app notifications and e-mails to queue; written at its end, as nothing in the batch reads them. */
function queue(out: { notifications: Rows; deliveries: Rows }, e: RecordedEvent, intents: readonly Intent[]): void {
  for (const i of intents) {
    const row = { event_id: e.id, recipient: i.recipient, kind: i.kind, district: i.district, signal_id: i.signalId, params: i.params };
    out.notifications.push({ id: randomUUID(), ...row, created_at: e.recordedAt.toISOString() });
    if (i.email) out.deliveries.push({ id: randomUUID(), ...row, event_type: e.type, channel: 'email', event_at: e.recordedAt.toISOString() });
  }
}

const COMMON = { event_id: 'uuid', recipient: 'text', kind: 'text', district: 'text', signal_id: 'text', params: 'jsonb' } as const;

/** One statement per table for the batch; the unique keys make a replayed event a no-op. Returns the e-mails queued. */
async function writeOutbox(client: pg.PoolClient, t: Tables, out: { notifications: Rows; deliveries: Rows }): Promise<number> {
  await upsertRows(client, { table: t.notifications, columns: { id: 'uuid', ...COMMON, created_at: 'timestamptz' }, key: ['event_id', 'recipient'], onConflict: 'nothing' }, out.notifications);
  return upsertRows(
    client,
    { table: t.deliveries, columns: { id: 'uuid', ...COMMON, event_type: 'text', channel: 'text', event_at: 'timestamptz' }, key: ['event_id', 'recipient', 'channel'], onConflict: 'nothing' },
    out.deliveries,
  );
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
      const out = { notifications: [] as Rows, deliveries: [] as Rows };
      const alertChecks = new Map<string, string>();
      const notify = (e: RecordedEvent, intents: readonly Intent[]): void => {
        // Stale history notifies no one; a rebuild's replay of fresh events is stopped by the unique keys.
        if (now() - e.recordedAt.getTime() > options.maxEventAgeMs) return;
        if (MAY_RAISE_ALERTS.has(e.type)) alertChecks.set(e.metadata.district, e.checkpoint);
        if (intents.length === 0) return;
        queue(out, e, intents);
        options.onNotified?.(intents);
      };
      // Consecutive submissions (most of live traffic) insert their state rows together; any other event first
      // applies the run before it, so every event still sees the state its predecessors left.
      let run: RecordedEvent[] = [];
      const flush = async (): Promise<void> => {
        if (run.length === 0) return;
        const intents = await onSubmitted(client, t, run);
        run.forEach((e, i) => notify(e, intents[i] ?? []));
        run = [];
      };
      for (const e of events) {
        if (e.type === SIGNAL_SUBMITTED) {
          run.push(e);
          continue;
        }
        await flush();
        notify(e, e.type.startsWith('intake.') ? [] : await onSignalEvent(client, t, e));
      }
      await flush();
      const queued = await writeOutbox(client, t, out);
      const checks = [...alertChecks].map(([district, checkpoint]) => ({ district, checkpoint }));
      await upsertRows(client, { table: t.alertChecks, columns: { district: 'text', checkpoint: 'text' }, key: ['district'], onConflict: { checkpoint: 'excluded.checkpoint' } }, checks);
      const channels = [...(queued > 0 ? [OUTBOX_CHANNEL] : []), ...(checks.length > 0 ? [ALERTS_CHANNEL] : [])];
      if (channels.length > 0) await client.query(`SELECT pg_notify(c, '') FROM unnest($1::text[]) AS c`, [channels]);
    },
  };
}
