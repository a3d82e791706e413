import { REGISTER_NUMBER_ASSIGNED, type RegisterNumberAssignedData, registerStreamId } from '@kapocs/intake/contracts';
import { type Checkpoint, compareCheckpoints, type EventStore } from '@kapocs/platform/event-store';

const PAGE = 100;

/**
 * Clients registered at `sites` in `year` after `indexed`: commits the identity index cannot have seen yet, because a
 * long transaction elsewhere holds the store's read horizon below them. Each site's register counter lists its
 * registrations in order, and stream reads are not held back by the horizon.
 */
export async function registrationsAfter(
  store: EventStore,
  sites: readonly string[],
  year: number,
  indexed: Checkpoint,
): Promise<string[]> {
  const found: string[] = [];
  for (const site of sites) {
    let from: bigint | undefined;
    let done = false;
    while (!done) {
      let read = 0;
      const options = { direction: 'backwards' as const, maxCount: PAGE, ...(from !== undefined ? { fromVersion: from } : {}) };
      for await (const e of store.readStream(registerStreamId(site, year), options)) {
        read++;
        if (compareCheckpoints(e.checkpoint, indexed) <= 0) {
          done = true;
          break;
        }
        if (e.type === REGISTER_NUMBER_ASSIGNED) found.push((e.data as RegisterNumberAssignedData).clientId);
        from = e.streamVersion - 1n;
      }
      if (read < PAGE || from === undefined || from < 0n) done = true;
    }
  }
  return found;
}
