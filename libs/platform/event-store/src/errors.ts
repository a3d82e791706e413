import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { ExpectedVersion } from './event-store.port.js';

export const formatExpectedVersion = (v: ExpectedVersion): string => (typeof v === 'bigint' ? v.toString() : v);

/**
 * The stream is not at the version the caller expected (optimistic concurrency). `actual` is -1n for a missing
 * stream. Details carry strings because bigints do not survive JSON on the bus.
 */
export class WrongExpectedVersionError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: bigint,
  ) {
    super(
      PLATFORM_ERRORS.WRONG_EXPECTED_VERSION,
      { streamId, expected: formatExpectedVersion(expected), actual: actual.toString() },
      `Wrong expected version on ${streamId}: expected ${formatExpectedVersion(expected)}, actual ${actual}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * Some of the event ids of an append are already stored, but not as exactly this append (other stream, other
 * positions, or only part of the batch): the ids were reused for something else, so this is not a safe retry.
 */
export class DuplicateEventIdError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(
      PLATFORM_ERRORS.IDEMPOTENCY_KEY_REUSED,
      { streamId, eventIds: [...eventIds] },
      `Event ids already stored elsewhere than this append on ${streamId}`,
    );
    this.name = 'DuplicateEventIdError';
  }
}

/** An append request that can never succeed (no events, malformed or repeated ids). */
export class InvalidAppendError extends DomainError {
  constructor(streamId: string, reason: string) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, { streamId, reason }, `Invalid append to ${streamId}: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}
