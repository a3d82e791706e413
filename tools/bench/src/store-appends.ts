import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@kapocs/platform/event-store';
import type { BenchConfig } from './config.js';
import { type LoadResult, runLoad } from './load.js';
import { type BenchData, EVENT_TYPE, benchData, benchMetadata, benchPersonal } from './payload.js';

export const benchEvent = (seq: number, personal = false): NewEvent => ({
  id: randomUUID(),
  type: EVENT_TYPE,
  schemaVersion: 1,
  data: benchData(seq),
  ...(personal ? { personal: benchPersonal(seq) } : {}),
  metadata: benchMetadata(seq),
});

/** Single-event appends to new streams with `no_stream`, the way a registration command writes. */
export const appendSingle = (store: EventStore, cfg: BenchConfig, personal: boolean): Promise<LoadResult> =>
  runLoad(cfg.concurrency, cfg.warmupSeconds, cfg.seconds, async (_w, seq) => {
    await store.append(`contact-${randomUUID()}`, 'no_stream', [benchEvent(seq, personal)]);
  });

/** Ten events per append, new streams: the figure reported is events per second. */
export const appendBatch = (store: EventStore, cfg: BenchConfig, size: number): Promise<LoadResult> =>
  runLoad(cfg.concurrency, cfg.warmupSeconds, cfg.seconds, async (_w, seq) => {
    const events = Array.from({ length: size }, (_, i) => benchEvent(seq * size + i));
    await store.append(`contact-${randomUUID()}`, 'no_stream', events);
  });

interface ContactLogState {
  readonly version: bigint;
  readonly minutes: number;
}

// A decider in the shape of STYLE.md §2.2, small enough not to dominate the figure: fold minutes, check a budget.
const evolve = (s: ContactLogState, e: RecordedEvent): ContactLogState => ({
  version: e.streamVersion,
  minutes: s.minutes + (e.data as BenchData).minutes,
});
const decide = (seq: number, s: ContactLogState): NewEvent[] => {
  if (s.minutes > 1_000_000) throw new Error('contact budget exhausted');
  return [benchEvent(seq)];
};

export interface CommandPathResult {
  readonly load: LoadResult;
  /** OCC retries per command attempted, in percent (warm-up included on both sides). */
  readonly retryPct: number;
}

/**
 * The command-handler path over a fixed set of streams: read the stream, fold it, decide one new event, append it
 * with the exact version read; a WrongExpectedVersionError is retried from the read, as a handler would.
 */
export async function commandPath(store: EventStore, cfg: BenchConfig): Promise<CommandPathResult> {
  const streams = Array.from({ length: cfg.commandStreams }, () => `case-${randomUUID()}`);
  for (let i = 0; i < streams.length; i += 500) {
    await store.appendMany(
      streams.slice(i, i + 500).map((streamId, j) => ({
        streamId,
        expectedVersion: 'no_stream' as const,
        events: [benchEvent(i + j)],
      })),
    );
  }
  let retries = 0;
  let commands = 0;
  const load = await runLoad(cfg.concurrency, cfg.warmupSeconds, cfg.seconds, async (_w, seq) => {
    commands++;
    const streamId = streams[Math.floor(Math.random() * streams.length)] as string;
    for (;;) {
      let state: ContactLogState = { version: -1n, minutes: 0 };
      for await (const e of store.readStream(streamId)) state = evolve(state, e);
      const events = decide(seq, state);
      try {
        await store.append(streamId, state.version, events);
        return;
      } catch (e) {
        if (!(e instanceof WrongExpectedVersionError)) throw e;
        retries++;
      }
    }
  });
  return { load, retryPct: commands === 0 ? 0 : (100 * retries) / commands };
}
