import {
  type ContactLogged,
  type ContactSubject,
  type GroupSessionLogged,
  INTAKE_ERRORS,
  type LogContact,
  type LogGroupSession,
} from '@kapocs/intake/contracts';
import type { CommandMeta } from '@kapocs/shared/kernel';
import { requireActiveClient } from './client-guards.js';
import type { ClientState } from './client.state.js';
import { checkParticipants, GROUP_RULES, INDIVIDUAL_RULES, validateContactFields } from './contact-fields.rules.js';
import type { ContactState } from './contact.state.js';
import { localDateOf, yearOf } from './dates.js';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';
import { requireDate, requireSettlement, requireText } from './validation.js';

/** The client's state as the handler loaded it; absent for an anonymous information request. */
export type LogContactDecision = LogContact & { readonly context: { readonly client?: ClientState } };

function requireNewEntry(state: ContactState, contactId: unknown): string {
  const id = requireText('contactId', contactId, 64);
  if (state.status !== 'none') {
    throw new IntakeError(INTAKE_ERRORS.CONTACT_ALREADY_LOGGED, { contactId: id }, `contact ${id} exists`);
  }
  return id;
}

const optionalDescription = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireText('description', value, 2000);

/**
 * Subject of the entry with its coded data of today. New/returning in the year is derived from the register (a client
 * registered in the entry's year is new in it; an anonymous requester is not registered, so new), unless the worker
 * marked it (e.g. the Miskolc rule: back after the five-year purge counts as new).
 */
function subjectOf(
  data: LogContact['data'],
  client: ClientState | undefined,
  year: number,
  meta: CommandMeta,
): { subject: ContactSubject; derivedNew: boolean } {
  if (data.subject?.kind === 'anonymous') return { subject: { kind: 'anonymous' }, derivedNew: true };
  if (data.subject?.kind !== 'client') {
    throw new IntakeError(INTAKE_ERRORS.MISSING_FIELD, { field: 'subject' }, 'subject is required');
  }
  const c = requireActiveClient(client ?? { status: 'unregistered' }, data.subject.clientId, meta);
  const { birthYear, sex, economicActivity, familyStatus, education } = c.coded;
  const subject: ContactSubject = {
    kind: 'client',
    clientId: c.clientId,
    individualId: c.individualId,
    birthYear,
    sex,
    ...(economicActivity ? { economicActivity } : {}),
    ...(familyStatus ? { familyStatus } : {}),
    ...(education ? { education } : {}),
  };
  return { subject, derivedNew: c.registerYear === year };
}

export function decideLogContact(
  { data, meta, context }: LogContactDecision,
  state: ContactState,
  rules: IntakeRules,
): [ContactLogged] {
  const contactId = requireNewEntry(state, data.contactId);
  const site = requireSettlement('site', data.site);
  const onDate = requireDate('date', data.date);
  const year = yearOf(onDate);
  const { subject, derivedNew } = subjectOf(data, context.client, year, meta);
  const workerMarked = typeof data.newInYear === 'boolean';
  const input = {
    ...data,
    newInYear: workerMarked ? data.newInYear : derivedNew,
    crisis: data.crisis ?? false,
    benefits: data.benefits ?? [],
  };
  const fields = validateContactFields(INDIVIDUAL_RULES, input, { today: localDateOf(meta.now), onDate, rules }, true);
  const description = optionalDescription(data.description);
  const subjectId = subject.kind === 'client' ? subject.clientId : contactId;
  return [
    {
      type: 'intake.ContactLogged',
      schemaVersion: 1,
      data: {
        ...(fields as unknown as ContactLogged['data']),
        contactId,
        district: meta.district,
        site,
        year,
        subject,
        newInYearSource: workerMarked ? 'worker' : 'derived',
      },
      ...(description !== undefined ? { personal: { [subjectId]: { description } } } : {}),
    },
  ];
}

export function decideLogGroupSession(
  { data, meta }: LogGroupSession,
  state: ContactState,
  rules: IntakeRules,
): [GroupSessionLogged] {
  const contactId = requireNewEntry(state, data.contactId);
  const site = requireSettlement('site', data.site);
  const onDate = requireDate('date', data.date);
  const fields = validateContactFields(GROUP_RULES, { ...data }, { today: localDateOf(meta.now), onDate, rules }, true);
  checkParticipants(fields);
  const description = optionalDescription(data.description);
  return [
    {
      type: 'intake.GroupSessionLogged',
      schemaVersion: 1,
      data: {
        ...(fields as unknown as GroupSessionLogged['data']),
        contactId,
        district: meta.district,
        site,
        year: yearOf(onDate),
      },
      ...(description !== undefined ? { personal: { [contactId]: { description } } } : {}),
    },
  ];
}
