import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { CaseRef, CaseworkEvent } from './casework-event.js';

export const CASE_OPENED = 'casework.CaseOpened';
export const CASE_HANDED_OVER = 'casework.CaseHandedOver';
export const CASE_CHECKED = 'casework.CaseChecked';
export const PROCESS_EVALUATED = 'casework.ProcessEvaluated';
export const CASE_CLOSED = 'casework.CaseClosed';
export const CASE_REOPENED = 'casework.CaseReopened';

/** Aktív korúak: the recipient's registration with the cooperating body starts the programme deadline. */
export interface ActiveAgeStart {
  /** 63/2006. Korm. r. 17. § (12) a): the day the recipient registered (appeared) with the service. */
  readonly registeredOn: string;
}

export interface CaseOpenedData extends CaseRef {
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  /** The client the esetnapló is about; identity is read from the register, never copied here. */
  readonly clientId: string;
  /** A family case (családgondozás): the other registered members of the family. */
  readonly memberIds: readonly string[];
  /** Esetfelelős: the worker the head appointed. */
  readonly responsibleWorkerId: string;
  readonly openedOn: string;
  readonly activeAge?: ActiveAgeStart;
}
/** Gondozásba vétel — the client or family is taken into care and an esetnapló is opened. */
export type CaseOpened = CaseworkEvent<typeof CASE_OPENED, 1, CaseOpenedData>;

export interface CaseHandedOverData extends CaseRef {
  readonly fromWorkerId: string;
  readonly toWorkerId: string;
  readonly handedOverOn: string;
}
/** Esetátadás — another worker becomes esetfelelős; the reason may name people, hence personal. */
export type CaseHandedOver = CaseworkEvent<typeof CASE_HANDED_OVER, 1, CaseHandedOverData, { readonly reason: string }>;

export interface CaseCheckedData extends CaseRef {
  readonly checkerId: string;
  readonly checkedOn: string;
}
/** Ellenőrzés (1/2000. SzCsM r. 31. § (3)) — the head's supervisory check: ellenőrző neve, ellenőrzés időpontja. */
export type CaseChecked = CaseworkEvent<typeof CASE_CHECKED, 1, CaseCheckedData, { readonly remarks: string }>;

export interface ProcessEvaluatedData extends CaseRef {
  readonly evaluatedOn: string;
}
/** Folyamatértékelés — the worker's evaluation of the care process so far. */
export type ProcessEvaluated = CaseworkEvent<typeof PROCESS_EVALUATED, 1, ProcessEvaluatedData, { readonly summary: string }>;

export interface CaseClosedData extends CaseRef {
  readonly closedOn: string;
}
/** Gondozás megszűnése — the helping relationship ends, with the reason. */
export type CaseClosed = CaseworkEvent<typeof CASE_CLOSED, 1, CaseClosedData, { readonly reason: string }>;

export interface CaseReopenedData extends CaseRef {
  readonly reopenedOn: string;
}
/** A closed case is taken into care again; the history before stays in the same esetnapló. */
export type CaseReopened = CaseworkEvent<typeof CASE_REOPENED, 1, CaseReopenedData, { readonly reason: string }>;
