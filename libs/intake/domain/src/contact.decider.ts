import {
  type ContactEvent,
  type CorrectContact,
  INTAKE_ERRORS,
  type LogGroupSession,
  type VoidContact,
} from '@kapocs/intake/contracts';
import type { CommandMeta, Decider } from '@kapocs/shared/kernel';
import { sameValue } from './client-details.rules.js';
import { checkParticipants, GROUP_RULES, INDIVIDUAL_RULES, validateContactFields } from './contact-fields.rules.js';
import { decideLogContact, decideLogGroupSession, type LogContactDecision } from './contact-logging.js';
import { type ContactState, evolveContact, initialContactState, type LoggedContact } from './contact.state.js';
import { isIsoDate, localDateOf, yearOf } from './dates.js';
import { IntakeError } from './intake-error.js';
import { DEFAULT_INTAKE_RULES, type IntakeRules } from './intake-rules.js';
import { requireText } from './validation.js';

export type ContactDecision = LogContactDecision | LogGroupSession | CorrectContact | VoidContact;

/** An entry commands may change: logged in the caller's district and not voided (voiding is final). */
function requireOpenEntry(state: ContactState, contactId: string, meta: CommandMeta): LoggedContact {
  if (state.status === 'none' || state.district !== meta.district) {
    throw new IntakeError(INTAKE_ERRORS.CONTACT_NOT_FOUND, { contactId }, `contact ${contactId} not found`);
  }
  if (state.status === 'voided') {
    throw new IntakeError(INTAKE_ERRORS.CONTACT_VOIDED, { contactId }, `contact ${contactId} is voided`);
  }
  return state;
}

function decideCorrection({ data, meta }: CorrectContact, state: ContactState, rules: IntakeRules): ContactEvent[] {
  const entry = requireOpenEntry(state, data.contactId, meta);
  const reason = requireText('reason', data.reason, 1000);
  const { description: newDescription, ...changes } = data.changes ?? {};
  const fieldRules = entry.kind === 'group' ? GROUP_RULES : INDIVIDUAL_RULES;
  for (const field of Object.keys(changes)) {
    if (!(field in fieldRules)) {
      throw new IntakeError(INTAKE_ERRORS.CORRECTION_NOT_ALLOWED, { contactId: entry.contactId, field }, `${field} is not a column of this entry`);
    }
  }
  // The year fixes the entry's place in the yearly numbered log, so a date may move only within the year.
  if (isIsoDate(changes.date) && yearOf(changes.date) !== entry.year) {
    throw new IntakeError(INTAKE_ERRORS.CORRECTION_NOT_ALLOWED, { contactId: entry.contactId, field: 'date' }, 'date moves the entry to another year');
  }
  const onDate = isIsoDate(changes.date) ? changes.date : (entry.fields.date ?? '');
  const valid = validateContactFields(fieldRules, changes, { today: localDateOf(meta.now), onDate, rules }, false);
  checkParticipants({ ...entry.fields, ...valid });
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(valid)) {
    const old = (entry.fields as Record<string, unknown>)[field];
    if (sameValue(old, value)) continue;
    before[field] = old ?? null;
    after[field] = value;
  }
  const description =
    newDescription === undefined ? undefined : newDescription === null || newDescription === '' ? null : requireText('description', newDescription, 2000);
  const descriptionChanged = description !== undefined && !sameValue(entry.description, description);
  if (Object.keys(after).length === 0 && !descriptionChanged) {
    throw new IntakeError(INTAKE_ERRORS.NOTHING_TO_CORRECT, { contactId: entry.contactId }, 'correction changes nothing');
  }
  return [
    {
      type: 'intake.ContactCorrected',
      schemaVersion: 1,
      data: { contactId: entry.contactId, correctedOn: localDateOf(meta.now), before, after, descriptionChanged },
      personal: {
        [entry.subjectId]: {
          reason,
          ...(descriptionChanged ? { description: { before: entry.description ?? null, after: description ?? null } } : {}),
        },
      },
    },
  ];
}

function decideVoid({ data, meta }: VoidContact, state: ContactState): ContactEvent[] {
  const entry = requireOpenEntry(state, data.contactId, meta);
  const reason = requireText('reason', data.reason, 1000);
  return [
    {
      type: 'intake.ContactVoided',
      schemaVersion: 1,
      data: { contactId: entry.contactId, voidedOn: localDateOf(meta.now) },
      personal: { [entry.subjectId]: { reason } },
    },
  ];
}

/** The forgalmi napló entry aggregate (stream `contact-<contactId>`). */
export const createContactDecider = (
  rules: IntakeRules = DEFAULT_INTAKE_RULES,
): Decider<ContactDecision, ContactEvent, ContactState> => ({
  initialState: initialContactState,
  evolve: evolveContact,
  decide: (command, state) => {
    switch (command.type) {
      case 'LogContact':
        return decideLogContact(command, state, rules);
      case 'LogGroupSession':
        return decideLogGroupSession(command, state, rules);
      case 'CorrectContact':
        return decideCorrection(command, state, rules);
      case 'VoidContact':
        return decideVoid(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unhandled contact command ${(unknown as { type: string }).type}`);
      }
    }
  },
});

export const contactDecider = createContactDecider();
