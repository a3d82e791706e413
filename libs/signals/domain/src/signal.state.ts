import {
  CLOSING_MEASURES,
  SIGNAL_ASSIGNED,
  SIGNAL_LINKED_TO_CLIENT,
  SIGNAL_MARKED_FOR_REGISTRATION,
  SIGNAL_MEASURE_RECORDED,
  SIGNAL_SUBMITTED,
  type SignalEvent,
  type SignalSubmittedData,
} from '@kapocs/signals/contracts';

/** A submitted signal as its stream says; the submission is kept whole for the idempotent-retry comparison. */
export interface SubmittedSignal {
  readonly status: 'open' | 'closed';
  readonly submission: SignalSubmittedData;
  readonly assignedTo?: string;
  readonly clientId?: string;
  readonly registrationRequested: boolean;
  readonly measureIds: readonly string[];
  readonly firstMeasureOn?: string;
  readonly closedOn?: string;
}
export type SignalState = { readonly status: 'none' } | SubmittedSignal;

export const initialSignalState = (): SignalState => ({ status: 'none' });

export function evolveSignal(state: SignalState, event: SignalEvent): SignalState {
  if (event.type === SIGNAL_SUBMITTED) return { status: 'open', submission: event.data, registrationRequested: false, measureIds: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case SIGNAL_ASSIGNED:
      return { ...state, assignedTo: event.data.workerId };
    case SIGNAL_LINKED_TO_CLIENT:
      return { ...state, clientId: event.data.clientId, registrationRequested: false };
    case SIGNAL_MARKED_FOR_REGISTRATION:
      return { ...state, registrationRequested: true };
    case SIGNAL_MEASURE_RECORDED: {
      const closes = CLOSING_MEASURES.includes(event.data.kind);
      return {
        ...state,
        measureIds: [...state.measureIds, event.data.measureId],
        firstMeasureOn: state.firstMeasureOn ?? event.data.date,
        ...(closes ? { status: 'closed' as const, closedOn: event.data.date } : {}),
      };
    }
  }
}
