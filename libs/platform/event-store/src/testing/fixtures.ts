import { randomUUID } from 'node:crypto';
import { setTimeout as pollInterval } from 'node:timers/promises';
import { compareCheckpoints } from '../checkpoint.js';
import type { DistrictCode, EventMetadata, SettlementCode } from '@kapocs/shared/kernel';
import type { Checkpoint, EventStore, NewEvent, PersonalData, RecordedEvent, UpcasterRegistry } from '../event-store.port.js';

/** Builds a store for one contract test; `upcasters` are passed through to the adapter. */
export type EventStoreFactory = (options: { readonly upcasters?: UpcasterRegistry }) => Promise<EventStore>;

export const fullMetadata = (): EventMetadata => ({
  actor: { userId: `user-${randomUUID()}`, role: 'case_manager' },
  district: '121' as DistrictCode,
  settlement: '03179' as SettlementCode,
  correlationId: randomUUID(),
  causationId: randomUUID(),
  trace: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'kapocs=1' },
});

/** A unique type per test keeps filters and pagination independent of other tests sharing the store. */
export const uniqueType = (name: string): string => `contract.${name}${randomUUID().slice(0, 8)}`;

export const streamId = (category = 'case'): string => `${category}-${randomUUID()}`;

export const newEvent = (
  type: string,
  data: unknown = { n: 1 },
  personal?: Readonly<Record<string, PersonalData>>,
  schemaVersion = 1,
): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion,
  data,
  ...(personal ? { personal } : {}),
  metadata: fullMetadata(),
});

export async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** Runs `fn` and returns what it threw, so that tests can assert on a typed error's fields. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/**
 * Resolves once `checkpoint` is below the store's read horizon. An append is visible to `readAll` only when no older
 * transaction is still open anywhere in the database (ADR-0002), which other suites running in parallel can delay.
 */
export async function untilVisible(store: EventStore, checkpoint: Checkpoint, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (compareCheckpoints(await store.headCheckpoint(), checkpoint) < 0) {
    if (Date.now() > deadline) throw new Error(`Checkpoint ${checkpoint} not visible within ${timeoutMs} ms`);
    await pollInterval(5);
  }
}
