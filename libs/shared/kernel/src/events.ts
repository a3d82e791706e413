import type { DistrictCode, SettlementCode } from './ksh.js';
import type { Role } from './roles.js';

/**
 * A business fact as plain data. `type` is a contracts constant `<context>.<EventName>`, fixed forever and never
 * derived from a class name; `schemaVersion` is bumped when the shape changes, old shapes are upcast on read.
 */
export interface DomainEvent<Type extends string = string, Version extends number = number, Data = unknown> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data;
}

/** W3C trace context as carried in event metadata and NATS headers. */
export interface TraceContext {
  readonly traceparent: string;
  readonly tracestate?: string;
}

/** Metadata on every stored event. Nothing personal: ids, codes and trace context only. */
export interface EventMetadata {
  readonly actor: { readonly userId: string; readonly role: Role | 'system' };
  /** 3-digit KSH járás code: the tenant. */
  readonly district: DistrictCode;
  /** 5-digit KSH settlement code, when the fact belongs to one settlement. */
  readonly settlement?: SettlementCode;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly trace?: TraceContext;
}

/** Time and ids come in with the command, so that `decide` stays pure (STYLE.md §2.2). */
export interface CommandMeta {
  readonly now: string;
  readonly actor: EventMetadata['actor'];
  readonly district: DistrictCode;
  readonly settlement?: SettlementCode;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly trace?: TraceContext;
}

/** The decider of STYLE.md §2.2. */
export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
}

/** `casework.CaseOpened` → `casework`. */
export const eventContext = (type: string): string => {
  const dot = type.indexOf('.');
  return dot > 0 ? type.slice(0, dot) : type;
};
/** `casework.CaseOpened` → `CaseOpened`. */
export const eventName = (type: string): string => type.slice(type.indexOf('.') + 1);
