import type { AppendRequest } from './event-store.port.js';
import { InvalidAppendError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks what no store can accept, before any I/O; both adapters share it so that they fail alike. */
export function validateAppendRequests(requests: readonly AppendRequest[]): void {
  if (requests.length === 0) throw new InvalidAppendError('', 'no streams');
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const { streamId, expectedVersion, events } of requests) {
    if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200) {
      throw new InvalidAppendError(String(streamId).slice(0, 200), 'stream id must be 1-200 characters');
    }
    if (streams.has(streamId)) throw new InvalidAppendError(streamId, 'stream appears twice in one appendMany');
    streams.add(streamId);
    if (typeof expectedVersion === 'bigint' && expectedVersion < -1n) {
      throw new InvalidAppendError(streamId, 'expected version below -1');
    }
    if (events.length === 0) throw new InvalidAppendError(streamId, 'no events');
    for (const e of events) {
      if (!UUID.test(e.id)) throw new InvalidAppendError(streamId, 'event id is not a UUID');
      const id = e.id.toLowerCase();
      if (ids.has(id)) throw new InvalidAppendError(streamId, 'event id repeated in one append');
      ids.add(id);
      if (!e.type || !Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) {
        throw new InvalidAppendError(streamId, 'event needs a type and a schema version >= 1');
      }
    }
  }
}

/** `case-123` → `case`: a bounded label for metrics, never the id itself. */
export const streamCategory = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
};
