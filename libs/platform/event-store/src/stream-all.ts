import { compareCheckpoints, START } from './checkpoint.js';
import type { Checkpoint, ReadAllBatch, ReadAllOptions, RecordedEvent } from './event-store.port.js';

/**
 * `streamAll` on top of `readAll`, shared by the adapters: pages by checkpoint until the head seen at the start.
 * The head is taken first, so events committed later are left to the next call instead of stretching this one.
 */
export async function* streamAllFrom(
  readAll: (options: ReadAllOptions) => Promise<ReadAllBatch>,
  head: Checkpoint,
  options: ReadAllOptions = {},
): AsyncGenerator<RecordedEvent> {
  const limit = options.limit ?? 1000;
  let after = options.after ?? START;
  while (compareCheckpoints(after, head) < 0) {
    options.signal?.throwIfAborted();
    const batch = await readAll({ ...options, after, limit });
    for (const event of batch.events) {
      if (compareCheckpoints(event.checkpoint, head) > 0) return;
      yield event;
    }
    if (batch.events.length < limit || compareCheckpoints(batch.checkpoint, after) <= 0) return;
    after = batch.checkpoint;
  }
}
