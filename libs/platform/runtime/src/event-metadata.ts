import type { DistrictCode, EventMetadata, RpcRequest, SettlementCode } from '@kapocs/shared/kernel';
import { currentTraceContext } from '@kapocs/platform/observability';

/**
 * The metadata a service stamps on the events of one command: the verified actor from the request, the tenant, the
 * correlation id, and the active trace (continued from the NATS headers by the RPC interceptor), so that a projection
 * continues the same trace (DESIGN.md §6).
 */
export function eventMetadataFor(
  request: Pick<RpcRequest, 'actor' | 'correlationId' | 'trace'>,
  scope: { readonly district: DistrictCode; readonly settlement?: SettlementCode; readonly causationId?: string },
): EventMetadata {
  const trace = currentTraceContext() ?? request.trace;
  return {
    actor: { userId: request.actor.userId, role: request.actor.role },
    district: scope.district,
    ...(scope.settlement ? { settlement: scope.settlement } : {}),
    correlationId: request.correlationId,
    ...(scope.causationId ? { causationId: scope.causationId } : {}),
    ...(trace ? { trace } : {}),
  };
}
