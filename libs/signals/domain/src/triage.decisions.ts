import {
  SIGNAL_ASSIGNED,
  SIGNAL_LINKED_TO_CLIENT,
  SIGNAL_MARKED_FOR_REGISTRATION,
  SIGNAL_MEASURE_RECORDED,
  SIGNALS_ERRORS,
  type SignalCodeCatalogue,
  type SignalEvent,
  type TriageCommand,
} from '@kapocs/signals/contracts';
import { localDateOf } from './dates.js';
import type { SignalState, SubmittedSignal } from './signal.state.js';
import { SignalsError } from './signals-error.js';
import { requireCode, requirePastDate, requireText } from './validation.js';

/** The client facts the handler read from the register before a link is decided. */
export interface LinkedClientFacts {
  readonly clientId: string;
  readonly district: string;
  readonly erased: boolean;
}
export type TriageDecision = TriageCommand & { readonly client?: LinkedClientFacts };

function open(state: SignalState, signalId: string): SubmittedSignal {
  if (state.status === 'none') throw new SignalsError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, { signalId }, 'no such signal');
  if (state.status === 'closed') throw new SignalsError(SIGNALS_ERRORS.SIGNAL_CLOSED, { signalId }, 'signal closed');
  return state;
}

/** Triage: assign, link to a registered client or ask intake to register, and the dated measures. */
export function decideTriage(command: TriageDecision, state: SignalState, codes: SignalCodeCatalogue): SignalEvent[] {
  const today = localDateOf(command.meta.now);
  const signalId = command.data.signalId;
  const s = open(state, signalId);
  switch (command.type) {
    case 'AssignSignal': {
      const workerId = requireText('workerId', command.data.workerId);
      if (s.assignedTo === workerId) throw new SignalsError(SIGNALS_ERRORS.SAME_WORKER, { signalId, workerId }, 'same worker');
      return [{ type: SIGNAL_ASSIGNED, schemaVersion: 1, data: { signalId, workerId, assignedOn: today } }];
    }
    case 'LinkSignalToClient': {
      const clientId = requireText('clientId', command.data.clientId);
      if (s.clientId !== undefined) throw new SignalsError(SIGNALS_ERRORS.ALREADY_LINKED, { signalId, clientId: s.clientId }, 'already linked');
      const c = command.client;
      if (!c || c.clientId !== clientId || c.district !== s.submission.district || c.erased) {
        throw new SignalsError(SIGNALS_ERRORS.CLIENT_NOT_REGISTERED, { clientId }, 'client not registered');
      }
      return [{ type: SIGNAL_LINKED_TO_CLIENT, schemaVersion: 1, data: { signalId, clientId, linkedOn: today } }];
    }
    case 'MarkSignalForRegistration':
      if (s.clientId !== undefined) throw new SignalsError(SIGNALS_ERRORS.ALREADY_LINKED, { signalId, clientId: s.clientId }, 'already linked');
      return [{ type: SIGNAL_MARKED_FOR_REGISTRATION, schemaVersion: 1, data: { signalId, markedOn: today } }];
    case 'RecordSignalMeasure': {
      const { measureId, note } = command.data;
      if (s.measureIds.includes(measureId)) throw new SignalsError(SIGNALS_ERRORS.MEASURE_ALREADY_RECORDED, { signalId, measureId }, 'measure recorded');
      const kind = requireCode(codes, 'measure', 'kind', command.data.kind, today);
      const date = requirePastDate('date', command.data.date, today);
      const submittedOn = localDateOf(s.submission.submittedAt);
      if (date < submittedOn) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field: 'date', reason: 'before_submission' }, 'before submission');
      return [
        {
          type: SIGNAL_MEASURE_RECORDED,
          schemaVersion: 1,
          data: { signalId, measureId, kind, date },
          ...(note ? { personal: { [signalId]: { note } } } : {}),
        },
      ];
    }
  }
}
