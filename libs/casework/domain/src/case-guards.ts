import { CASEWORK_ERRORS } from '@kapocs/casework/contracts';
import type { CommandMeta } from '@kapocs/shared/kernel';
import { CaseworkError } from './casework-error.js';
import type { CaseState, OpenedCase } from './case.state.js';
import { localDateOf } from './dates.js';

/** A case of another district answers "not found" too, so that its existence does not leak. */
export function requireCase(state: CaseState, caseId: string, meta: CommandMeta): OpenedCase {
  if (state.status === 'none' || state.district !== meta.district) {
    throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_FOUND, { caseId }, 'case not found');
  }
  return state;
}

export function requireOpenCase(state: CaseState, caseId: string, meta: CommandMeta): OpenedCase {
  const c = requireCase(state, caseId, meta);
  if (c.status !== 'open') throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_OPEN, { caseId }, 'case is closed');
  return c;
}

export const todayOf = (meta: CommandMeta): string => localDateOf(meta.now);

/** The case's texts are personal data of its client: keyed by that subject, shredded with it. */
export const personalOf = <P>(c: OpenedCase, texts: P): Readonly<Record<string, P>> => ({ [c.clientId]: texts });

export function requireNewEntry(c: OpenedCase, entryId: string): void {
  if (c.entryIds.includes(entryId)) {
    throw new CaseworkError(CASEWORK_ERRORS.ENTRY_ALREADY_RECORDED, { caseId: c.caseId, entryId }, 'entry already recorded');
  }
}
