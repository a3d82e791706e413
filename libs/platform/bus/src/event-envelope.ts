import { eventContext, eventName, type EventMetadata } from '@kapocs/shared/kernel';
import type { BusMessage, Delivery } from './event-bus.port.js';
import { assertValidSubject } from './subject-match.js';

/**
 * An event exactly as stored, personal data still sealed: JetStream copies cannot be crypto-shredded, so the bus
 * carries the per-subject ciphertext and only a holder of the subject's key can open it (DESIGN.md §5).
 */
export interface RawEvent {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: string;
  /** Global position as a decimal string; with `txId` it orders the log. */
  readonly position: string;
  readonly txId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly district: string;
  readonly data: unknown;
  /** Stored per-subject ciphertext envelopes (JSON), or null when the event has no personal data. */
  readonly personal: unknown;
  readonly metadata: EventMetadata;
  /** ISO timestamp. */
  readonly recordedAt: string;
}

/** The JSON body of an event message on the bus. */
export type EventEnvelope = RawEvent;

export const EVENT_HEADERS = {
  type: 'Kapocs-Event-Type',
  schemaVersion: 'Kapocs-Schema-Version',
  streamId: 'Kapocs-Stream-Id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** `events.<district>.<context>.<EventName>` (STYLE.md §2.3); built from codes and type names only. */
export function eventSubject(root: string, district: string, type: string): string {
  const subject = `${root}.${district}.${eventContext(type)}.${eventName(type)}`;
  assertValidSubject(subject, false);
  return subject;
}

export function toBusMessage(event: RawEvent, subjectRoot = 'events'): BusMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    [EVENT_HEADERS.streamId]: event.streamId,
  };
  const trace = event.metadata.trace;
  if (trace?.traceparent) headers[EVENT_HEADERS.traceparent] = trace.traceparent;
  if (trace?.tracestate) headers[EVENT_HEADERS.tracestate] = trace.tracestate;
  return {
    id: event.id,
    subject: eventSubject(subjectRoot, event.district, event.type),
    headers,
    data: new TextEncoder().encode(JSON.stringify(event)),
  };
}

export function decodeEnvelope(delivery: Pick<Delivery, 'data'>): EventEnvelope {
  return JSON.parse(new TextDecoder().decode(delivery.data)) as EventEnvelope;
}
