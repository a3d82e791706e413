import type { Actor } from './roles.js';
import type { TraceContext } from './events.js';

/**
 * Every request-reply message from the gateway to a service carries the verified actor and the request's trace, so
 * that the service can check scope again and stamp event metadata. Subjects: `<context>.cmd.<name>` and
 * `<context>.query.<name>` (STYLE.md §2.3).
 */
export interface RpcRequest<Payload = unknown> {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly trace?: TraceContext;
  /** Why personal data is read (audit "why"), e.g. "client-file". */
  readonly purpose?: string;
  readonly payload: Payload;
}

/** A reply is either `{ ok: true, value }` or `{ ok: false, error: { code, details } }`: errors never throw over the bus. */
export type RpcReply<Value = unknown> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: { readonly code: string; readonly details?: unknown } };

/** DI token of the request-reply client (a NestJS ClientProxy) provided once by the runtime. */
export const RPC_CLIENT = 'KAPOCS_RPC_CLIENT';
/** DI token of the shared `pg.Pool` provided once by the runtime. */
export const PG_POOL = 'KAPOCS_PG_POOL';
/** DI token of the `EventStore` provided once by the runtime. */
export const EVENT_STORE = 'KAPOCS_EVENT_STORE';
/** DI token of the `EventBus` (JetStream or in-process) provided once by the runtime. */
export const EVENT_BUS = 'KAPOCS_EVENT_BUS';
/** DI token of the resolved `PlatformConfig`. */
export const PLATFORM_CONFIG = 'KAPOCS_PLATFORM_CONFIG';

/** The nine services of DESIGN.md §2; `all` selects every one of them. */
export const TARGETS = [
  'gateway',
  'intake',
  'casework',
  'signals',
  'diagnosis',
  'service-map',
  'statistics',
  'notification',
  'projector',
] as const;
export type TargetName = (typeof TARGETS)[number];
