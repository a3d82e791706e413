import { CASEWORK_ERRORS, type CaseOpened, type OpenCase } from '@kapocs/casework/contracts';
import { CaseworkError } from './casework-error.js';
import { todayOf } from './case-guards.js';
import type { CaseState } from './case.state.js';
import { requireDate, requireEntryDate, requireId } from './validation.js';

/** What the register says of a client the case is opened for (loaded by the handler from intake's events). */
export interface ClientFacts {
  readonly clientId: string;
  readonly district: string;
  readonly erased: boolean;
  /** Set when the client was merged into another: the case is opened for the survivor instead. */
  readonly survivorId?: string;
}

/** OpenCase with the register facts of the client and the family members. */
export type OpenCaseDecision = OpenCase & { readonly context: { readonly clients: readonly ClientFacts[] } };

export function decideOpenCase({ data, meta, context }: OpenCaseDecision, state: CaseState): CaseOpened[] {
  const caseId = requireId('caseId', data.caseId);
  if (state.status !== 'none') throw new CaseworkError(CASEWORK_ERRORS.CASE_ALREADY_OPENED, { caseId }, 'case already opened');
  const today = todayOf(meta);
  const clientId = requireId('clientId', data.clientId);
  const memberIds = [...new Set((data.memberIds ?? []).map((id, i) => requireId(`memberIds[${i}]`, id)))].filter((id) => id !== clientId);
  for (const id of [clientId, ...memberIds]) {
    const facts = context.clients.find((c) => c.clientId === id);
    // Gondozásba vétel follows nyilvántartásba vétel: identity is never typed a second time.
    if (!facts || facts.district !== meta.district || facts.erased || facts.survivorId !== undefined) {
      throw new CaseworkError(CASEWORK_ERRORS.CLIENT_NOT_REGISTERED, { clientId: id, ...(facts?.survivorId ? { survivorId: facts.survivorId } : {}) }, 'client not registered');
    }
  }
  const openedOn = requireEntryDate('openedOn', data.openedOn, today);
  const activeAge = data.activeAge ? { registeredOn: requireEntryDate('activeAge.registeredOn', data.activeAge.registeredOn, today) } : undefined;
  if (activeAge) requireDate('activeAge.registeredOn', activeAge.registeredOn);
  return [
    {
      type: 'casework.CaseOpened',
      schemaVersion: 1,
      data: {
        caseId,
        district: meta.district,
        site: data.site,
        clientId,
        memberIds,
        responsibleWorkerId: requireId('responsibleWorkerId', data.responsibleWorkerId),
        openedOn,
        ...(activeAge ? { activeAge } : {}),
      },
    },
  ];
}
