import { createHash } from 'node:crypto';
import { CASEWORK_ERRORS, caseStreamId, type MeasureContact, type RecordMeasure } from '@kapocs/casework/contracts';
import { CaseworkError, createCaseDecider } from '@kapocs/casework/domain';
import type { SettlementCode } from '@kapocs/shared/kernel';
import { handleCaseCommand } from './case-command.handler.js';
import { checkExpectedVersion, loadCase } from './case-stream.js';
import type { CaseCommandResult, CaseworkDeps } from './casework-deps.js';

const NAMESPACE = 'kapocs.casework.measure-contact';

/**
 * The forgalmi napló entry of a measure: a name-based UUID (RFC 9562 version-5 layout, SHA-1) of the measure id, so
 * the same measure always names the same contact and a retry finds the entry it logged before.
 */
export function measureContactId(measureId: string): string {
  const h = createHash('sha1').update(`${NAMESPACE}:${measureId}`).digest().subarray(0, 16);
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** What intake is asked to log (kapcsolatfelvétel of the case's client, case handling = the measure's kind). */
export interface MeasureContactEntry extends MeasureContact {
  readonly contactId: string;
  readonly site: SettlementCode;
  readonly date: string;
  readonly clientId: string;
  readonly caseWorkerId: string;
  readonly caseHandling: string;
}

/**
 * Port to intake's log-contact command. Resolves when the entry exists, whether logged now or by an earlier attempt
 * of the same measure (intake's CONTACT_ALREADY_LOGGED for the derived id); rejects with intake's error otherwise.
 */
export type ContactLogger = (entry: MeasureContactEntry) => Promise<void>;

/**
 * Intézkedés that also logs its forgalmi napló entry, in one user action (ADR-0007 amendment): the measure is decided
 * first (nothing is logged for a measure the case would refuse), then intake logs the contact under the id derived
 * from the measure, then the measure is appended naming that contact. A failure after the contact was logged is
 * repaired by retrying the same measure: the same id finds the same entry, so the contact is never entered twice.
 */
export async function recordMeasureWithContact(
  deps: CaseworkDeps,
  command: RecordMeasure,
  contact: MeasureContact,
  logContact: ContactLogger,
): Promise<CaseCommandResult> {
  if (command.data.contactId !== undefined) {
    throw new CaseworkError(CASEWORK_ERRORS.INVALID_FIELD, { field: 'contactId', reason: 'logged_with_measure' }, 'contactId and logContact exclude each other');
  }
  if (typeof command.data.kind !== 'string' || command.data.kind === '') {
    throw new CaseworkError(CASEWORK_ERRORS.MISSING_FIELD, { field: 'kind' }, 'a logged measure needs its case-handling kind');
  }
  const { state, version } = await loadCase(deps.store, command.data.caseId);
  checkExpectedVersion(caseStreamId(command.data.caseId), command.expectedVersion, version);
  const withContact: RecordMeasure = { ...command, data: { ...command.data, contactId: measureContactId(command.data.measureId) } };
  createCaseDecider(deps.codes).decide(withContact, state);
  if (state.status === 'none') throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_FOUND, { caseId: command.data.caseId }, 'case not found');
  await logContact({
    ...contact,
    contactId: withContact.data.contactId as string,
    site: state.site,
    date: command.data.date,
    clientId: state.clientId,
    caseWorkerId: state.responsibleWorkerId,
    caseHandling: command.data.kind,
  });
  return handleCaseCommand(deps, withContact);
}
