import { CASEWORK_ERRORS, type CaseTarget, caseStreamId } from '@kapocs/casework/contracts';
import { clientStreamId } from '@kapocs/intake/contracts';
import { CaseworkError } from '@kapocs/casework/domain';
import { scopeFilterFor } from '@kapocs/platform/auth';
import type { EventStore } from '@kapocs/platform/event-store';
import { eventMetadataFor } from '@kapocs/platform/runtime';
import { type Actor, type CommandMeta, DomainError, PLATFORM_ERRORS, type Role, type RpcRequest } from '@kapocs/shared/kernel';

/** Roles that keep case logs; the gateway's @Roles says the same, checked again here. */
export const CASE_ROLES: readonly Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];

const outOfScope = (reason: string) => new DomainError(PLATFORM_ERRORS.OUT_OF_SCOPE, { reason }, 'Out of scope');

/**
 * Defence in depth (ADR-0004): the actor's district must be the target's, and a settlement-level role may act or read
 * only in its settlements, whatever the gateway decided.
 */
export function requireCaseScope(actor: Actor, target: Pick<CaseTarget, 'district'> & { settlement?: string }, roles: readonly Role[] = CASE_ROLES): void {
  if (!roles.includes(actor.role)) throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'role' }, 'Role may not');
  const filter = scopeFilterFor(actor, 'personal');
  if (filter.organisation !== null) throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'organisation' }, 'Role may not');
  if (filter.district !== null && filter.district !== target.district) throw outOfScope('district');
  if (target.settlement !== undefined && filter.settlements !== null && !filter.settlements.includes(target.settlement as never)) {
    throw outOfScope('settlement');
  }
}

export function commandMetaFor(request: RpcRequest<CaseTarget>): CommandMeta {
  const { district, settlement } = request.payload;
  return { now: new Date().toISOString(), ...eventMetadataFor(request, { district, settlement }) };
}

/** A case at another site than the path's is "not found": no acting on, or probing for, another settlement's cases. */
export async function requireCaseAtSite(store: EventStore, caseId: string, site: string): Promise<void> {
  for await (const first of store.readStream(caseStreamId(caseId), { maxCount: 1, personal: 'omit' })) {
    if ((first.data as { site?: string }).site !== site) {
      throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_FOUND, { caseId }, 'case not found');
    }
  }
}

/**
 * A settlement-level worker opens cases only for clients registered at its own settlements: the esetnapló shows the
 * client's identity, which would otherwise leak across settlements. Unknown clients are left to the decider.
 */
export async function requireClientsInReach(store: EventStore, actor: Actor, clientIds: readonly unknown[]): Promise<void> {
  const filter = scopeFilterFor(actor, 'personal');
  if (filter.settlements === null) return;
  for (const clientId of clientIds) {
    if (typeof clientId !== 'string') continue;
    for await (const first of store.readStream(clientStreamId(clientId), { maxCount: 1 })) {
      const site = (first.data as { site?: string }).site;
      if (site === undefined || !(filter.settlements as readonly string[]).includes(site)) {
        throw new CaseworkError(CASEWORK_ERRORS.CLIENT_NOT_REGISTERED, { clientId }, 'client not in reach');
      }
    }
  }
}
