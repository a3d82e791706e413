import { INTAKE_ERRORS } from '@kapocs/intake/contracts';
import type { CommandMeta } from '@kapocs/shared/kernel';
import type { ClientState, RegisteredClient } from './client.state.js';
import { IntakeError } from './intake-error.js';

/**
 * A client commands may act on: registered, in the caller's district (another district's client is reported as not
 * found, so that its existence does not leak), and not merged away.
 */
export function requireActiveClient(state: ClientState, clientId: string, meta: CommandMeta): RegisteredClient {
  if (state.status === 'unregistered' || state.district !== meta.district || state.erased) {
    throw new IntakeError(INTAKE_ERRORS.CLIENT_NOT_FOUND, { clientId }, `client ${clientId} not found`);
  }
  if (state.status === 'merged') {
    throw new IntakeError(
      INTAKE_ERRORS.CLIENT_MERGED,
      { clientId, survivorId: state.survivorId },
      `client ${clientId} was merged into ${state.survivorId ?? 'another client'}`,
    );
  }
  return state;
}
