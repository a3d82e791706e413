import type { CommandMeta, EventMetadata, SettlementCode } from '@kapocs/shared/kernel';
import { WrongExpectedVersionError } from './errors.js';
import type { ExpectedVersion } from './event-store.port.js';

/** A caller's `If-Match` version must be the current one, before anything is decided (every context's handlers). */
export function checkExpectedVersion(streamId: string, expected: string | undefined, actual: bigint): void {
  if (expected === undefined) return;
  const valid = /^\d{1,19}$/.test(expected);
  if (!valid || BigInt(expected) !== actual) throw new WrongExpectedVersionError(streamId, valid ? BigInt(expected) : -1n, actual);
}

/** The expected version of an append after loading a stream at `version` (-1 when it does not exist). */
export const exactly = (version: bigint): ExpectedVersion => (version < 0n ? 'no_stream' : version);

/** Event metadata from the command meta: nothing personal; `settlement` overrides the command's settlement. */
export const metadataOf = (meta: CommandMeta, settlement?: SettlementCode): EventMetadata => ({
  actor: meta.actor,
  district: meta.district,
  ...((settlement ?? meta.settlement) ? { settlement: settlement ?? meta.settlement } : {}),
  correlationId: meta.correlationId,
  ...(meta.causationId ? { causationId: meta.causationId } : {}),
  ...(meta.trace ? { trace: meta.trace } : {}),
});
