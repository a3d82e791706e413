import { SIGNALS_ERRORS, signalStreamId } from '@kapocs/signals/contracts';
import { SignalsError } from '@kapocs/signals/domain';
import { scopeFilterFor } from '@kapocs/platform/auth';
import type { EventStore } from '@kapocs/platform/event-store';
import { eventMetadataFor } from '@kapocs/platform/runtime';
import { type Actor, type CommandMeta, type DistrictCode, DomainError, PLATFORM_ERRORS, type Role, type RpcRequest, type SettlementCode } from '@kapocs/shared/kernel';

/** Staff who record and triage signals; the gateway's @Roles says the same, checked again here. */
export const SIGNAL_STAFF: readonly Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];
/** Who keeps the member register: the district centre. */
export const MEMBER_ADMINS: readonly Role[] = ['district_worker', 'case_manager', 'head'];

const outOfScope = (reason: string) => new DomainError(PLATFORM_ERRORS.OUT_OF_SCOPE, { reason }, 'Out of scope');
const forbidden = (reason: string) => new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason }, 'Role may not');

/** Defence in depth (ADR-0004): staff of the target district, and a settlement role only in its settlements. */
export function requireStaffScope(actor: Actor, target: { district: string; settlement?: string }, roles: readonly Role[] = SIGNAL_STAFF): void {
  if (!roles.includes(actor.role)) throw forbidden('role');
  const filter = scopeFilterFor(actor, 'personal');
  if (filter.organisation !== null) throw forbidden('organisation');
  if (filter.district !== null && filter.district !== target.district) throw outOfScope('district');
  if (target.settlement !== undefined && filter.settlements !== null && !(filter.settlements as readonly string[]).includes(target.settlement)) {
    throw outOfScope('settlement');
  }
}

/** A signal member acts and reads only as its own organisation, in its own district. */
export function requireMemberScope(actor: Actor, target: { district: string; organisationId?: string }): string {
  if (actor.role !== 'signal_member' || !actor.organisation) throw forbidden('role');
  if (actor.district !== target.district) throw outOfScope('district');
  if (target.organisationId !== undefined && target.organisationId !== actor.organisation) throw outOfScope('organisation');
  return actor.organisation;
}

export function commandMetaFor(request: RpcRequest<{ district: DistrictCode; settlement?: SettlementCode }>): CommandMeta {
  const { district, settlement } = request.payload;
  return { now: new Date().toISOString(), ...eventMetadataFor(request, { district, ...(settlement ? { settlement } : {}) }) };
}

/** A signal of another district or settlement than the path's is "not found": no acting on, or probing for, it. */
export async function requireSignalAt(store: EventStore, signalId: string, district: string, settlement: string): Promise<void> {
  let found = false;
  for await (const first of store.readStream(signalStreamId(signalId), { maxCount: 1 })) {
    const d = first.data as { district?: string; settlement?: string };
    found = d.district === district && d.settlement === settlement;
  }
  if (!found) throw new SignalsError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, { signalId }, 'signal not found');
}
