import {
  type ClientRegistered,
  type ClientsMerged,
  type ClientMergedInto,
  INTAKE_ERRORS,
  type MergeClients,
  type RegisterClient,
  type RegisterNumberAssigned,
} from '@kapocs/intake/contracts';
import { requireActiveClient } from './client-guards.js';
import { splitClientDetails, validateClientDetails } from './client-details.rules.js';
import type { ClientState } from './client.state.js';
import { localDateOf, yearOf } from './dates.js';
import { type CandidateIdentity, findProbableDuplicates } from './duplicates.js';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';
import { nextRegisterNumber, type RegisterCounterState } from './register-counter.js';
import { requireSettlement, requireText } from './validation.js';

/** What the handler loaded for a registration: the site's register for the year, and the district's look-alikes. */
export interface RegistrationContext {
  readonly register: RegisterCounterState;
  readonly candidates: readonly CandidateIdentity[];
}
export type RegisterClientDecision = RegisterClient & { readonly context: RegistrationContext };

/** The merged client's state, loaded by the handler; the decided state is the survivor's. */
export type MergeClientsDecision = MergeClients & { readonly context: { readonly merged: ClientState } };

/** The year whose register a registration made now belongs to. */
export const registrationYear = (meta: { readonly now: string }): number => yearOf(localDateOf(meta.now));

export function decideRegistration(
  { data, meta, context }: RegisterClientDecision,
  state: ClientState,
  rules: IntakeRules,
): [ClientRegistered, RegisterNumberAssigned] {
  const clientId = requireText('clientId', data.clientId, 64);
  if (state.status !== 'unregistered') {
    throw new IntakeError(INTAKE_ERRORS.CLIENT_ALREADY_REGISTERED, { clientId }, `client ${clientId} exists`);
  }
  const site = requireSettlement('site', data.site);
  const today = localDateOf(meta.now);
  const details = validateClientDetails(data.details, today, rules);
  const duplicates = findProbableDuplicates(details, context.candidates, clientId);
  if (duplicates.length > 0 && data.acknowledgeDuplicates !== true) {
    throw new IntakeError(
      INTAKE_ERRORS.PROBABLE_DUPLICATE,
      { candidates: duplicates },
      `${duplicates.length} probable duplicate(s) in district ${meta.district}`,
    );
  }
  const year = yearOf(today);
  if (context.register.site !== site || context.register.year !== year) {
    throw new Error(`register context ${context.register.site}/${context.register.year} is not ${site}/${year}`);
  }
  const { registerNumber, individualId } = nextRegisterNumber(context.register);
  const { personal, coded } = splitClientDetails(details);
  return [
    {
      type: 'intake.ClientRegistered',
      schemaVersion: 1,
      data: {
        ...coded,
        clientId,
        district: meta.district,
        site,
        registeredOn: today,
        registerYear: year,
        registerNumber,
        individualId,
        acknowledgedDuplicates: duplicates.map((d) => d.clientId),
      },
      personal: { [clientId]: personal },
    },
    {
      type: 'intake.RegisterNumberAssigned',
      schemaVersion: 1,
      data: { site, year, registerNumber, individualId, clientId },
    },
  ];
}

export function decideMerge(
  { data, meta, context }: MergeClientsDecision,
  survivorState: ClientState,
): [ClientsMerged, ClientMergedInto] {
  if (data.survivorId === data.mergedClientId) {
    throw new IntakeError(
      INTAKE_ERRORS.CANNOT_MERGE_WITH_ITSELF,
      { clientId: data.survivorId },
      'a client cannot be merged with itself',
    );
  }
  const survivor = requireActiveClient(survivorState, data.survivorId, meta);
  const merged = requireActiveClient(context.merged, data.mergedClientId, meta);
  const reason = requireText('reason', data.reason, 1000);
  const mergedOn = localDateOf(meta.now);
  return [
    {
      type: 'intake.ClientsMerged',
      schemaVersion: 1,
      data: { survivorId: survivor.clientId, mergedClientId: merged.clientId, mergedOn },
      personal: { [survivor.clientId]: { reason } },
    },
    {
      type: 'intake.ClientMergedInto',
      schemaVersion: 1,
      data: { clientId: merged.clientId, survivorId: survivor.clientId, mergedOn },
    },
  ];
}
