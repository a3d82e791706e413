import { injectTraceHeaders } from '@kapocs/platform/observability';

/** Header carrying the request's correlation id; subjects never carry ids or personal data, headers carry ids only. */
export const CORRELATION_HEADER = 'kapocs-correlation-id';

/** Headers of an outgoing request: the active W3C trace context and the request's correlation id. */
export function outgoingRpcHeaders(data: unknown): Record<string, string> {
  const headers = injectTraceHeaders<Record<string, string>>({});
  const correlationId = (data as { correlationId?: unknown } | null)?.correlationId;
  if (typeof correlationId === 'string') headers[CORRELATION_HEADER] = correlationId;
  return headers;
}

interface HeaderLike {
  get(key: string): string;
  keys(): string[];
}

/** Request headers from either transport's context (NatsContext's MsgHdrs or InProcessContext's record). */
export function readRpcHeaders(ctx: unknown): Record<string, string> {
  const raw: unknown = (ctx as { getHeaders?: () => unknown } | null)?.getHeaders?.();
  if (!raw) return {};
  if (typeof (raw as HeaderLike).get === 'function' && typeof (raw as HeaderLike).keys === 'function') {
    const h = raw as HeaderLike;
    return Object.fromEntries(h.keys().map((k) => [k.toLowerCase(), h.get(k)]));
  }
  return { ...(raw as Record<string, string>) };
}
