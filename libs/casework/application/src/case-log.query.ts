import {
  type CaseEvent,
  type CaseLog,
  type CaseLogEntry,
  caseStreamId,
  type CoverChild,
} from '@kapocs/casework/contracts';
import { ageOn, type CaseState, evolveCase, initialCaseState, localDateOf, type OpenedCase, overdueItems } from '@kapocs/casework/domain';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import { toCaseEvent } from './case-stream.js';
import type { CaseworkDeps } from './casework-deps.js';
import { type ClientIdentity, loadClientIdentity } from './client-identity.js';
import { loadStaffName } from './staff-names.js';

const CHILD_RELATIONS = ['CHILD', 'FOSTER_CHILD'];

/** The business date of an entry: the day it happened, not the day it was typed. */
const dateOf = (e: CaseEvent): string => {
  const d = e.data as unknown as Record<string, unknown>;
  const keys = ['openedOn', 'definedOn', 'setOn', 'evaluatedOn', 'signedOn', 'date', 'checkedOn', 'handedOverOn', 'closedOn', 'reopenedOn', 'heldOn', 'writtenOn', 'notifiedOn'];
  const key = keys.find((k) => typeof d[k] === 'string');
  return key ? String(d[key]) : '';
};

const place = (settlement: unknown, address: unknown): string | undefined =>
  [settlement, address].filter((x): x is string => typeof x === 'string' && x !== '').join(' ') || undefined;

/** The whole case with the client ids it shows (for the audit of the read), or undefined for an unknown case. */
export interface CaseLogResult {
  readonly log: CaseLog;
  readonly state: OpenedCase;
  readonly clientIds: readonly string[];
}

/**
 * Esetnapló: the case stream replayed up to the end of `asOf` (Budapest day) or in full, with the cover page joined
 * from the client register as it stood then. The event log answers "what did the file say on 1 March".
 */
export async function readCaseLog(deps: CaseworkDeps, caseId: string, options: { asOf?: string; today: string }): Promise<CaseLogResult | undefined> {
  const within = (e: RecordedEvent): boolean => options.asOf === undefined || localDateOf(e.recordedAt) <= options.asOf;
  let state: CaseState = initialCaseState();
  let version = -1n;
  const entries: CaseLogEntry[] = [];
  for await (const recorded of deps.store.readStream(caseStreamId(caseId))) {
    if (!within(recorded)) break;
    const event = toCaseEvent(recorded);
    state = evolveCase(state, event);
    version = recorded.streamVersion;
    const texts = state.status === 'none' ? undefined : event.personal?.[state.clientId];
    entries.push({
      seq: Number(recorded.streamVersion) + 1,
      type: event.type,
      date: dateOf(event),
      recordedAt: recorded.recordedAt.toISOString(),
      actorId: recorded.metadata.actor.userId,
      data: event.data as unknown as Record<string, unknown>,
      ...(texts ? { texts: texts as unknown as Record<string, unknown> } : {}),
    });
  }
  if (state.status === 'none') return undefined;
  const day = options.asOf ?? options.today;
  const client = await loadClientIdentity(deps.store, state.clientId, within);
  const members = await Promise.all(state.memberIds.map((id) => loadClientIdentity(deps.store, id, within)));
  // Staff names as recorded up to the same instant: the esetfelelős, the ellenőrző, whoever recorded an entry.
  const staffIds = new Set([state.responsibleWorkerId, ...(state.lastCheck ? [state.lastCheck.checkerId] : []), ...entries.map((e) => e.actorId)]);
  const names = new Map<string, string>();
  await Promise.all(
    [...staffIds].map(async (id) => {
      const name = await loadStaffName(deps.store, id, within);
      if (name !== undefined) names.set(id, name);
    }),
  );
  const named = entries.map((e) => (names.has(e.actorId) ? { ...e, actorName: names.get(e.actorId) as string } : e));
  const responsibleWorkerName = names.get(state.responsibleWorkerId);
  const checkerName = state.lastCheck ? names.get(state.lastCheck.checkerId) : undefined;
  const children: CoverChild[] = members
    .filter((m): m is ClientIdentity => m !== undefined && CHILD_RELATIONS.includes(String(m.coded.householdRelation)))
    .map((m) => ({
      clientId: m.clientId,
      ...(m.personal?.name ? { name: m.personal.name } : {}),
      ...(m.personal?.birthDate ? { age: ageOn(m.personal.birthDate, day) } : {}),
    }));
  const log: CaseLog = {
    caseId,
    district: state.district,
    site: state.site,
    status: state.status,
    version: String(version),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    activeAge: state.activeAge !== undefined,
    cover: {
      clientId: state.clientId,
      ...(client ? { registeredOn: client.registeredOn, registerNumber: client.registerNumber, individualId: client.individualId } : {}),
      ...(client?.personal?.name ? { name: client.personal.name } : {}),
      ...(client?.coded.birthYear !== undefined ? { birthYear: client.coded.birthYear } : {}),
      ...(client?.coded.economicActivity ? { economicActivity: client.coded.economicActivity } : {}),
      ...(client?.coded.education ? { education: client.coded.education } : {}),
      ...(client?.coded.familyStatus ? { familyStatus: client.coded.familyStatus } : {}),
      ...(client && place(client.coded.residenceSettlement, client.personal?.residenceAddress) ? { residence: place(client.coded.residenceSettlement, client.personal?.residenceAddress) } : {}),
      ...(client && place(client.coded.staySettlement, client.personal?.stayAddress) ? { placeOfStay: place(client.coded.staySettlement, client.personal?.stayAddress) } : {}),
      children,
      careStartedOn: state.openedOn,
      ...(state.closedOn ? { careEndedOn: state.closedOn } : {}),
      responsibleWorkerId: state.responsibleWorkerId,
      ...(responsibleWorkerName !== undefined ? { responsibleWorkerName } : {}),
      erased: client?.erased ?? false,
    },
    ...(state.lastCheck ? { lastCheck: { ...state.lastCheck, ...(checkerName !== undefined ? { checkerName } : {}) } } : {}),
    entries: named,
    overdue: overdueItems(state, day, deps.deadlines),
  };
  return { log, state, clientIds: [state.clientId, ...state.memberIds] };
}
