import {
  type ClientEvent,
  type ClientPersonalDetails,
  type CorrectClientDetails,
  type EndService,
  type EraseClient,
  INTAKE_ERRORS,
  type RegisterEvent,
  type StartService,
} from '@kapocs/intake/contracts';
import type { Decider } from '@kapocs/shared/kernel';
import { requireActiveClient } from './client-guards.js';
import { decideErasure } from './client-erasure.js';
import { diffClient, validateClientChanges } from './client-details.rules.js';
import { decideMerge, decideRegistration, type MergeClientsDecision, type RegisterClientDecision } from './client-registration.js';
import { type ClientState, evolveClient, initialClientState } from './client.state.js';
import { decideDeclaration, type RecordDeclarationDecision } from './declaration.decision.js';
import { localDateOf } from './dates.js';
import { IntakeError } from './intake-error.js';
import { DEFAULT_INTAKE_RULES, type IntakeRules } from './intake-rules.js';
import { requirePastDate, requireText } from './validation.js';

/** Client commands as decided: the ones that need more than the client's stream carry what the handler loaded. */
export type ClientDecision =
  | RegisterClientDecision
  | CorrectClientDetails
  | RecordDeclarationDecision
  | StartService
  | EndService
  | MergeClientsDecision
  | EraseClient;

/** Events a client decision yields; each names its own stream (`streamIdOf`). */
export type ClientDecisionEvent = ClientEvent | RegisterEvent;

function decideCorrection({ data, meta }: CorrectClientDetails, state: ClientState, rules: IntakeRules): ClientEvent[] {
  const client = requireActiveClient(state, data.clientId, meta);
  const reason = requireText('reason', data.reason, 1000);
  const today = localDateOf(meta.now);
  const diff = diffClient(client, validateClientChanges(data.changes, today, rules));
  const personalFields = Object.keys(diff.personalAfter) as (keyof ClientPersonalDetails)[];
  if (personalFields.length === 0 && Object.keys(diff.codedAfter).length === 0) {
    throw new IntakeError(INTAKE_ERRORS.NOTHING_TO_CORRECT, { clientId: client.clientId }, 'correction changes nothing');
  }
  return [
    {
      type: 'intake.ClientDetailsCorrected',
      schemaVersion: 1,
      data: {
        clientId: client.clientId,
        correctedOn: today,
        before: diff.codedBefore,
        after: diff.codedAfter,
        personalFields,
      },
      personal: { [client.clientId]: { reason, before: diff.personalBefore, after: diff.personalAfter } },
    },
  ];
}

function decideStart({ data, meta }: StartService, state: ClientState): ClientEvent[] {
  const client = requireActiveClient(state, data.clientId, meta);
  const startedOn = requirePastDate('startedOn', data.startedOn, localDateOf(meta.now));
  const { service } = client;
  if (service.active) {
    throw new IntakeError(
      INTAKE_ERRORS.SERVICE_ALREADY_STARTED,
      { clientId: client.clientId, startedOn: service.startedOn },
      'service already started',
    );
  }
  if (service.lastEndedOn !== undefined && startedOn < service.lastEndedOn) {
    throw new IntakeError(
      INTAKE_ERRORS.SERVICE_START_BEFORE_PREVIOUS_END,
      { clientId: client.clientId, previousEndedOn: service.lastEndedOn, startedOn },
      'service cannot start before the previous episode ended',
    );
  }
  return [{ type: 'intake.ServiceStarted', schemaVersion: 1, data: { clientId: client.clientId, site: client.site, startedOn } }];
}

function decideEnd({ data, meta }: EndService, state: ClientState): ClientEvent[] {
  const client = requireActiveClient(state, data.clientId, meta);
  const endedOn = requirePastDate('endedOn', data.endedOn, localDateOf(meta.now));
  const { active, startedOn } = client.service;
  if (!active || startedOn === undefined) {
    throw new IntakeError(INTAKE_ERRORS.SERVICE_NOT_STARTED, { clientId: client.clientId }, 'no service in progress');
  }
  if (endedOn < startedOn) {
    throw new IntakeError(
      INTAKE_ERRORS.SERVICE_END_BEFORE_START,
      { clientId: client.clientId, startedOn, endedOn },
      'service cannot end before it started',
    );
  }
  return [
    { type: 'intake.ServiceEnded', schemaVersion: 1, data: { clientId: client.clientId, site: client.site, startedOn, endedOn } },
  ];
}

/** The client aggregate (stream `client-<clientId>`); `rules` carries the code catalogue to validate against. */
export const createClientDecider = (
  rules: IntakeRules = DEFAULT_INTAKE_RULES,
): Decider<ClientDecision, ClientDecisionEvent, ClientState> => ({
  initialState: initialClientState,
  evolve: evolveClient,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterClient':
        return decideRegistration(command, state, rules);
      case 'CorrectClientDetails':
        return decideCorrection(command, state, rules);
      case 'RecordDeclaration':
        return decideDeclaration(command, state, rules);
      case 'StartService':
        return decideStart(command, state);
      case 'EndService':
        return decideEnd(command, state);
      case 'MergeClients':
        return decideMerge(command, state);
      case 'EraseClient':
        return decideErasure(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unhandled client command ${(unknown as { type: string }).type}`);
      }
    }
  },
});

export const clientDecider = createClientDecider();
