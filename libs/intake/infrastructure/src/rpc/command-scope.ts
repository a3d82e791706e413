import { INTAKE_ERRORS, type CommandTarget } from '@kapocs/intake/contracts';
import type { IntakeDeps } from '@kapocs/intake/application';
import { IntakeError } from '@kapocs/intake/domain';
import { scopeFilterFor } from '@kapocs/platform/auth';
import { eventMetadataFor } from '@kapocs/platform/runtime';
import { type Actor, type CommandMeta, DomainError, PLATFORM_ERRORS, type Role, type RpcRequest } from '@kapocs/shared/kernel';

/** Roles that keep the register and the forgalmi napló; the gateway's @Roles says the same, checked again here. */
export const WRITER_ROLES: readonly Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];

const outOfScope = (reason: string) => new DomainError(PLATFORM_ERRORS.OUT_OF_SCOPE, { reason }, 'Out of scope');

/**
 * Defence in depth (ADR-0004): the actor's district must be the target's, and a settlement-level role may act only
 * in its settlements, whatever the gateway decided.
 */
export function requireCommandScope(actor: Actor, target: CommandTarget, roles: readonly Role[] = WRITER_ROLES): void {
  if (!roles.includes(actor.role)) throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'role' }, 'Role may not');
  const filter = scopeFilterFor(actor, 'personal');
  if (filter.organisation !== null) throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'organisation' }, 'Role may not');
  if (filter.district !== null && filter.district !== target.district) throw outOfScope('district');
  if (filter.settlements !== null && !filter.settlements.includes(target.settlement)) throw outOfScope('settlement');
}

/** The command meta of one request: the verified actor, the target's district and site, correlation and trace. */
export function commandMetaFor(request: RpcRequest<CommandTarget>): CommandMeta {
  const { district, settlement } = request.payload;
  return { now: new Date().toISOString(), ...eventMetadataFor(request, { district, settlement }) };
}

/**
 * The site of a stream's first event (client and contact streams both start with one), or undefined. `personal` as
 * the handler will read the stream, so that one read serves both (`oneCommandDeps`).
 */
async function siteOf(deps: IntakeDeps, streamId: string, personal: 'decrypt' | 'omit' = 'decrypt'): Promise<string | undefined> {
  for await (const first of deps.store.readStream(streamId, { maxCount: 1, personal })) {
    return (first.data as { site?: string }).site;
  }
  return undefined;
}

/**
 * A command on an existing client or contact names its site in the path: one at another site is reported as not
 * found, so a settlement worker can neither act on nor probe for another settlement's clients.
 */
export async function requireStreamAtSite(
  deps: IntakeDeps,
  streamId: string,
  site: string,
  notFound: IntakeError,
): Promise<void> {
  const actual = await siteOf(deps, streamId);
  if (actual !== undefined && actual !== site) throw notFound;
}

/** A client a command refers to from elsewhere (a contact's subject, a merged client): within the actor's reach. */
export async function requireClientInReach(deps: IntakeDeps, actor: Actor, clientStream: string, clientId: string): Promise<void> {
  const filter = scopeFilterFor(actor, 'personal');
  if (filter.settlements === null) return;
  // Callers fold the referred client's coded data only (a contact's subject, a merge): no personal data needed.
  const site = await siteOf(deps, clientStream, 'omit');
  if (site !== undefined && !(filter.settlements as readonly string[]).includes(site)) {
    throw new IntakeError(INTAKE_ERRORS.CLIENT_NOT_FOUND, { clientId }, `client ${clientId} not found`);
  }
}
