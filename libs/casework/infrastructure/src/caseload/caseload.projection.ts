import type pg from 'pg';
import {
  AGREEMENT_SIGNED,
  type AgreementSignedData,
  CASE_CLOSED,
  CASE_EVENT_TYPES,
  CASE_HANDED_OVER,
  CASE_OPENED,
  CASE_REOPENED,
  type CaseHandedOverData,
  type CaseOpenedData,
  GOAL_EVALUATED,
  GOAL_SET,
  type GoalEvaluatedData,
  type GoalSetData,
  MEASURE_RECORDED,
  type MeasureRecordedData,
  PERSONAL_MEETING_HELD,
  type PersonalMeetingHeldData,
  YEARLY_EVALUATION_WRITTEN,
  type YearlyEvaluationWrittenData,
} from '@kapocs/casework/contracts';
import { CLIENT_ERASED, type ClientErasedData } from '@kapocs/intake/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import type { ProjectionDefinition } from '@kapocs/platform/projections';

type Data = Record<string, unknown> & { caseId: string };

/** One statement per event: case commands arrive one at a time from workers, so batches are small in live traffic. */
async function apply(client: pg.PoolClient, cases: string, goals: string, e: RecordedEvent): Promise<void> {
  if (e.type === CLIENT_ERASED) {
    // Szt. 23. §: the erased client's id leaves the caseload; the case itself stays (its esetnapló shows "erased").
    await client.query(`UPDATE ${cases} SET client_id = NULL WHERE client_id = $1`, [(e.data as ClientErasedData).clientId]);
    return;
  }
  const d = e.data as Data;
  const set = (assignments: string, values: unknown[]) => client.query(`UPDATE ${cases} SET ${assignments} WHERE case_id = $1`, [d.caseId, ...values]);
  switch (e.type) {
    case CASE_OPENED: {
      const o = e.data as CaseOpenedData;
      await client.query(
        `INSERT INTO ${cases} (case_id, district, site, client_id, worker_id, status, opened_on, active_age_registered_on)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) ON CONFLICT (case_id) DO NOTHING`,
        [o.caseId, o.district, o.site, o.clientId, o.responsibleWorkerId, o.openedOn, o.activeAge?.registeredOn ?? null],
      );
      return;
    }
    case GOAL_SET: {
      const g = e.data as GoalSetData;
      await client.query(`INSERT INTO ${goals} (case_id, goal_id, deadline, status) VALUES ($1, $2, $3, 'open') ON CONFLICT DO NOTHING`, [g.caseId, g.goalId, g.deadline]);
      return;
    }
    case GOAL_EVALUATED: {
      const g = e.data as GoalEvaluatedData;
      const [status, deadline] = g.achieved ? ['achieved', null] : g.newDeadline ? ['open', g.newDeadline] : ['dropped', null];
      await client.query(`UPDATE ${goals} SET status = $3, deadline = COALESCE($4, deadline) WHERE case_id = $1 AND goal_id = $2`, [g.caseId, g.goalId, status, deadline]);
      return;
    }
    case AGREEMENT_SIGNED: {
      const a = e.data as AgreementSignedData;
      await set('agreement_due_on = $2, programme_agreed_on = CASE WHEN $3 THEN $4 ELSE programme_agreed_on END', [a.expectedCompletion, a.integrationProgramme === true, a.signedOn]);
      return;
    }
    case MEASURE_RECORDED: {
      const next = (e.data as MeasureRecordedData).nextMeetingOn;
      if (next) await set('next_meeting_on = $2', [next]);
      return;
    }
    case PERSONAL_MEETING_HELD:
      await set('last_meeting_on = $2', [(e.data as PersonalMeetingHeldData).heldOn]);
      return;
    case YEARLY_EVALUATION_WRITTEN:
      await set('last_yearly_evaluation_on = $2', [(e.data as YearlyEvaluationWrittenData).writtenOn]);
      return;
    case CASE_HANDED_OVER:
      await set('worker_id = $2', [(e.data as CaseHandedOverData).toWorkerId]);
      return;
    case CASE_CLOSED:
      await set(`status = 'closed', closed_on = $2`, [d['closedOn']]);
      return;
    case CASE_REOPENED:
      await set(`status = 'open', closed_on = NULL`, []);
      return;
  }
}

/**
 * The caseload read model: per case its worker, status and the dates its deadlines run from, per goal its deadline.
 * Ids, codes and dates only (no personal data); `intake.ClientErased` clears the erased client's id (v2), so no
 * caseload row points at an erased client.
 */
export const caseloadProjection: ProjectionDefinition = {
  name: 'casework.caseload',
  version: 2,
  tables: ['cases', 'goals'],
  types: [...CASE_EVENT_TYPES, CLIENT_ERASED],
  personal: 'omit',
  batchSize: 1000,
  migrations: (table) => [
    `CREATE TABLE ${table('cases')} (
       case_id text PRIMARY KEY,
       district text NOT NULL,
       site text NOT NULL,
       client_id text,
       worker_id text NOT NULL,
       status text NOT NULL,
       opened_on date NOT NULL,
       closed_on date,
       active_age_registered_on date,
       programme_agreed_on date,
       last_meeting_on date,
       last_yearly_evaluation_on date,
       next_meeting_on date,
       agreement_due_on date)`,
    `CREATE INDEX ON ${table('cases')} (district, worker_id, status, opened_on, case_id)`,
    `CREATE INDEX ON ${table('cases')} (client_id)`,
    `CREATE INDEX ON ${table('cases')} (district, site, status)`,
    `CREATE TABLE ${table('goals')} (
       case_id text NOT NULL,
       goal_id text NOT NULL,
       deadline date NOT NULL,
       status text NOT NULL,
       PRIMARY KEY (case_id, goal_id))`,
  ],
  async handleBatch(client, events, ctx) {
    const cases = ctx.table('cases');
    const goals = ctx.table('goals');
    for (const e of events) await apply(client, cases, goals, e);
  },
};
