import type { CaseEvent, CaseUpdateCommand } from '@kapocs/casework/contracts';
import type { CommandMeta, DistrictCode, Role, SettlementCode } from '@kapocs/shared/kernel';
import type { OpenCaseDecision } from './open-case.decision.js';

/** Fictitious data for the specs: Szécsényi járás (121), Szécsény (06628). */
export const DISTRICT = '121' as DistrictCode;
export const SITE = '06628' as SettlementCode;
export const NOW = '2025-03-10T09:00:00.000Z';
export const TODAY = '2025-03-10';
export const CASE_ID = 'case-1';
export const CLIENT_ID = 'client-1';

export const meta = (role: Role = 'settlement_worker', userId = 'worker-1'): CommandMeta => ({
  now: NOW,
  actor: { userId, role },
  district: DISTRICT,
  settlement: SITE,
  correlationId: 'corr-1',
});

export const openCase = (overrides: Partial<OpenCaseDecision['data']> = {}, clients = [{ clientId: CLIENT_ID, district: '121', erased: false }]): OpenCaseDecision => ({
  type: 'OpenCase',
  data: { caseId: CASE_ID, site: SITE, clientId: CLIENT_ID, responsibleWorkerId: 'worker-1', openedOn: '2025-03-01', ...overrides },
  meta: meta(),
  context: { clients },
});

export const caseOpened = (activeAge?: { registeredOn: string }): CaseEvent => ({
  type: 'casework.CaseOpened',
  schemaVersion: 1,
  data: {
    caseId: CASE_ID,
    district: DISTRICT,
    site: SITE,
    clientId: CLIENT_ID,
    memberIds: [],
    responsibleWorkerId: 'worker-1',
    openedOn: '2025-03-01',
    ...(activeAge ? { activeAge } : {}),
  },
});

export const goalSet = (goalId = 'goal-1', deadline = '2025-04-01', setOn = '2025-03-02'): CaseEvent => ({
  type: 'casework.GoalSet',
  schemaVersion: 1,
  data: { caseId: CASE_ID, goalId, term: 'short', setOn, deadline, responsible: 'worker-1' },
  personal: { [CLIENT_ID]: { goal: 'Lakhatás rendezése', means: 'Hátralékkezelés' } },
});

export const caseClosed = (closedOn = '2025-03-05'): CaseEvent => ({
  type: 'casework.CaseClosed',
  schemaVersion: 1,
  data: { caseId: CASE_ID, closedOn },
  personal: { [CLIENT_ID]: { reason: 'A megállapodás teljesült.' } },
});

export const agreementSigned = (integrationProgramme = false, signedOn = '2025-03-03'): CaseEvent => ({
  type: 'casework.AgreementSigned',
  schemaVersion: 1,
  data: {
    caseId: CASE_ID,
    agreementId: 'agr-1',
    signedOn,
    expectedCompletion: '2025-06-30',
    signature: 'paper_scan',
    ...(integrationProgramme ? { integrationProgramme: true } : {}),
  },
  personal: { [CLIENT_ID]: { workerUndertakings: 'Ügyintézés', clientUndertakings: 'Megjelenés' } },
});

/** A command on the case with the default meta. */
export const cmd = <T extends CaseUpdateCommand['type']>(
  type: T,
  data: Omit<Extract<CaseUpdateCommand, { type: T }>['data'], 'caseId'>,
  commandMeta: CommandMeta = meta(),
): CaseUpdateCommand => ({ type, data: { caseId: CASE_ID, ...data }, meta: commandMeta }) as unknown as CaseUpdateCommand;
