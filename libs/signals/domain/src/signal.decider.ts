import { SIGNAL_CODES, type SignalCodeCatalogue, type SignalEvent, type SubmitSignal } from '@kapocs/signals/contracts';
import type { Decider } from '@kapocs/shared/kernel';
import { evolveSignal, initialSignalState, type SignalState } from './signal.state.js';
import { decideSubmit } from './submit-signal.decision.js';
import { decideTriage, type TriageDecision } from './triage.decisions.js';

export type SignalDecision = SubmitSignal | TriageDecision;

/** The jelzés aggregate (stream `signal-<signalId>`); `codes` are the signal code lists. */
export const createSignalDecider = (codes: SignalCodeCatalogue = SIGNAL_CODES): Decider<SignalDecision, SignalEvent, SignalState> => ({
  initialState: initialSignalState,
  evolve: evolveSignal,
  decide: (command, state) => (command.type === 'SubmitSignal' ? decideSubmit(command, state, codes) : decideTriage(command, state, codes)),
});

export const signalDecider = createSignalDecider();
