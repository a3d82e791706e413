import { type ClientErased, type EraseClient, INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { ClientState } from './client.state.js';
import { localDateOf } from './dates.js';
import { IntakeError } from './intake-error.js';

/**
 * Törlés (Szt. 23. §): only a head decides it. A merged-away client may be erased too (its own personal data is
 * under its own key); an erased one is gone for every later command.
 */
export function decideErasure({ data, meta }: EraseClient, state: ClientState): [ClientErased] {
  if (meta.actor.role !== 'head') {
    throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'role' }, 'only a head may erase a client');
  }
  if (state.status === 'unregistered' || state.district !== meta.district || state.erased) {
    throw new IntakeError(INTAKE_ERRORS.CLIENT_NOT_FOUND, { clientId: data.clientId }, `client ${data.clientId} not found`);
  }
  return [
    {
      type: 'intake.ClientErased',
      schemaVersion: 1,
      data: { clientId: state.clientId, district: state.district, site: state.site, erasedOn: localDateOf(meta.now) },
    },
  ];
}
