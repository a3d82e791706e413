import { STAFF_MEMBER_NAMED, staffStreamId } from '@kapocs/casework/contracts';
import { type EventStore, isRedacted, type NewEvent, type RecordedEvent, WrongExpectedVersionError } from '@kapocs/platform/event-store';
import type { Actor, CommandMeta } from '@kapocs/shared/kernel';
import { exactly, metadataOf } from './case-stream.js';
import { type CaseworkDeps, newIdOf } from './casework-deps.js';

/** A staff member's name as last recorded up to an instant (inclusive), or now; undefined when never named or shredded. */
export async function loadStaffName(store: EventStore, userId: string, until?: (e: RecordedEvent) => boolean): Promise<string | undefined> {
  let name: string | undefined;
  for await (const e of store.readStream(staffStreamId(userId))) {
    if (until && !until(e)) break;
    if (e.type !== STAFF_MEMBER_NAMED) continue;
    const personal = e.personal[userId];
    name = personal && !isRedacted(personal) ? (personal as { name?: string }).name : undefined;
  }
  return name;
}

/**
 * The names of the workers who act in casework, from their tokens' `name` claim (ADR-0007 amendment): recorded as
 * `casework.StaffMemberNamed` the first time a worker acts and whenever the name changes. One instance per service
 * remembers the names it has seen, so a worker's later commands cost a map lookup, not a read.
 */
export class StaffNames {
  private readonly known = new Map<string, string>();

  constructor(private readonly deps: CaseworkDeps) {}

  async note(actor: Actor, meta: CommandMeta): Promise<void> {
    const name = actor.displayName;
    if (name === undefined || this.known.get(actor.userId) === name) return;
    const streamId = staffStreamId(actor.userId);
    let current: string | undefined;
    let version = -1n;
    for await (const e of this.deps.store.readStream(streamId)) {
      version = e.streamVersion;
      const personal = e.personal[actor.userId];
      if (e.type === STAFF_MEMBER_NAMED && personal && !isRedacted(personal)) current = (personal as { name?: string }).name;
    }
    if (current !== name) {
      const event: NewEvent = {
        id: newIdOf(this.deps)(),
        type: STAFF_MEMBER_NAMED,
        schemaVersion: 1,
        data: { userId: actor.userId },
        personal: { [actor.userId]: { name } },
        metadata: metadataOf(meta),
      };
      try {
        await this.deps.store.append(streamId, exactly(version), [event]);
      } catch (e) {
        // Another request of the same worker named them first: that name is as good as this one.
        if (!(e instanceof WrongExpectedVersionError)) throw e;
      }
    }
    this.known.set(actor.userId, name);
  }
}
