import type pg from 'pg';
import {
  CLOSING_MEASURES,
  MEMBER_EVENT_TYPES,
  MEMBER_REGISTERED,
  type MemberRegisteredData,
  PORTAL_USER_INVITED,
  type PortalUserInvitedData,
  SIGNAL_ASSIGNED,
  SIGNAL_EVENT_TYPES,
  SIGNAL_LINKED_TO_CLIENT,
  SIGNAL_MARKED_FOR_REGISTRATION,
  SIGNAL_MEASURE_RECORDED,
  SIGNAL_SUBMITTED,
  type SignalSubmittedData,
} from '@kapocs/signals/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import type { ProjectionDefinition } from '@kapocs/platform/projections';

type Data = Record<string, unknown> & { signalId: string };

/**
 * Consecutive submissions in one statement (most of live traffic); a replayed one finds its row. The categories travel
 * as a JSON array: `unnest` cannot carry a text[] per row.
 */
async function insertSubmitted(client: pg.PoolClient, signals: string, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((e) => {
    const s = e.data as SignalSubmittedData;
    return {
      signal_id: s.signalId,
      reference: s.reference,
      district: s.district,
      settlement: s.settlement,
      source: s.source,
      channel: s.channel,
      organisation_id: s.organisationId ?? null,
      member_category: s.memberCategory ?? null,
      subject_kind: s.subjectKind,
      categories: s.categories,
      critical: s.critical,
      submitted_at: s.submittedAt,
      stream_version: e.streamVersion.toString(),
    };
  });
  await client.query(
    `INSERT INTO ${signals} (signal_id, reference, district, settlement, source, channel, organisation_id, member_category, subject_kind,
       categories, critical, submitted_at, status, status_since, stream_version)
     SELECT signal_id, reference, district, settlement, source, channel, organisation_id, member_category, subject_kind,
       categories, critical, submitted_at, 'received', submitted_at, stream_version
       FROM jsonb_to_recordset($1::jsonb) AS x(signal_id text, reference text, district text, settlement text, source text, channel text,
         organisation_id text, member_category text, subject_kind text, categories text[], critical boolean, submitted_at timestamptz, stream_version bigint)
     ON CONFLICT (signal_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** One statement per other event; `status_since` is when the member-visible status last changed. */
async function apply(client: pg.PoolClient, signals: string, members: string, e: RecordedEvent): Promise<void> {
  const d = e.data as Data;
  const at = e.recordedAt.toISOString();
  // Every signal event also records its stream version: the queue hands it out as the If-Match of the next step.
  const set = (assignments: string, values: unknown[]) =>
    client.query(`UPDATE ${signals} SET ${assignments}, stream_version = GREATEST(stream_version, $${values.length + 2}) WHERE signal_id = $1`, [
      d.signalId,
      ...values,
      e.streamVersion.toString(),
    ]);
  switch (e.type) {
    case MEMBER_REGISTERED: {
      const m = e.data as MemberRegisteredData;
      await client.query(
        `INSERT INTO ${members} (organisation_id, district, name, category, settlements, portal_users, registered_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (organisation_id) DO NOTHING`,
        [m.organisationId, m.district, m.name, m.category, m.settlements, m.portalUserIds.length, m.registeredOn],
      );
      return;
    }
    case PORTAL_USER_INVITED:
      await client.query(`UPDATE ${members} SET portal_users = portal_users + 1 WHERE organisation_id = $1`, [(e.data as PortalUserInvitedData).organisationId]);
      return;
    case SIGNAL_ASSIGNED:
      await set(`assigned_to = $2, status = CASE WHEN status = 'received' THEN 'assigned' ELSE status END,
                 status_since = CASE WHEN status = 'received' AND client_id IS NULL THEN $3::timestamptz ELSE status_since END`, [d['workerId'], at]);
      return;
    case SIGNAL_LINKED_TO_CLIENT:
      await set(`client_id = $2, registration_requested = false,
                 status_since = CASE WHEN status = 'received' AND assigned_to IS NULL THEN $3::timestamptz ELSE status_since END`, [d['clientId'], at]);
      return;
    case SIGNAL_MARKED_FOR_REGISTRATION:
      await set('registration_requested = true', []);
      return;
    case SIGNAL_MEASURE_RECORDED: {
      const closes = CLOSING_MEASURES.includes(String(d['kind']));
      await set(
        `measures = measures + 1, first_measure_on = COALESCE(first_measure_on, $2::date),
         closed_on = CASE WHEN $3 THEN $2::date ELSE closed_on END,
         status_since = CASE WHEN $3 OR measures = 0 THEN $4::timestamptz ELSE status_since END,
         status = CASE WHEN $3 THEN 'closed' ELSE 'in_progress' END`,
        [d['date'], closes, at],
      );
      return;
    }
  }
}

/**
 * The signal queues (the settlement service's and the district's) and the member register: ids, codes and dates only,
 * never what was written about the family, so the portal's feedback cannot leak it and erasure has nothing to delete.
 * Each signal row keeps the stream version of its last event, so a handler's next step needs no retry.
 */
export const signalQueueProjection: ProjectionDefinition = {
  name: 'signals.queue',
  // v2: the stream version of the last event applied (`stream_version`), for the queue's If-Match.
  version: 2,
  tables: ['signals', 'members'],
  types: [...SIGNAL_EVENT_TYPES, ...MEMBER_EVENT_TYPES],
  personal: 'omit',
  batchSize: 1000,
  migrations: (table) => [
    `CREATE TABLE ${table('signals')} (
       signal_id text PRIMARY KEY,
       reference text NOT NULL UNIQUE,
       district text NOT NULL,
       settlement text NOT NULL,
       source text NOT NULL,
       channel text NOT NULL,
       organisation_id text,
       member_category text,
       subject_kind text NOT NULL,
       categories text[] NOT NULL,
       critical boolean NOT NULL,
       submitted_at timestamptz NOT NULL,
       status text NOT NULL,
       status_since timestamptz NOT NULL,
       assigned_to text,
       client_id text,
       registration_requested boolean NOT NULL DEFAULT false,
       measures integer NOT NULL DEFAULT 0,
       first_measure_on date,
       closed_on date,
       stream_version bigint NOT NULL DEFAULT 0)`,
    `CREATE INDEX ON ${table('signals')} (district, settlement, status)`,
    `CREATE INDEX ON ${table('signals')} (district, organisation_id)`,
    `CREATE TABLE ${table('members')} (
       organisation_id text PRIMARY KEY,
       district text NOT NULL,
       name text NOT NULL,
       category text NOT NULL,
       settlements text[] NOT NULL,
       portal_users integer NOT NULL,
       registered_on date NOT NULL)`,
    `CREATE INDEX ON ${table('members')} (district)`,
  ],
  async handleBatch(client, events, ctx) {
    const signals = ctx.table('signals');
    const members = ctx.table('members');
    let run: RecordedEvent[] = [];
    for (const e of events) {
      if (e.type === SIGNAL_SUBMITTED) {
        run.push(e);
        continue;
      }
      if (run.length > 0) await insertSubmitted(client, signals, run);
      run = [];
      await apply(client, signals, members, e);
    }
    if (run.length > 0) await insertSubmitted(client, signals, run);
  },
};
