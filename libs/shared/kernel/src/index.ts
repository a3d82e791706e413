export { type DistrictCode, type SettlementCode, isDistrictCode, isSettlementCode } from './ksh.js';
export { ROLES, type Role, type Actor, isRole } from './roles.js';
export { DomainError, type ErrorReply, isErrorReply } from './domain-error.js';
export { PLATFORM_ERRORS, type PlatformErrorCode } from './error-codes.js';
export {
  type DomainEvent,
  type EventMetadata,
  type TraceContext,
  type CommandMeta,
  type Decider,
  eventContext,
  eventName,
} from './events.js';
export {
  type RpcRequest,
  type RpcReply,
  RPC_CLIENT,
  PG_POOL,
  EVENT_STORE,
  EVENT_BUS,
  PLATFORM_CONFIG,
  TARGETS,
  type TargetName,
} from './rpc.js';
export { nameKey } from './text.js';
