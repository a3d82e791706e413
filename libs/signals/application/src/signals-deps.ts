import { randomBytes, randomUUID } from 'node:crypto';
import { type SignalCodeCatalogue, SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { SignalsError } from '@kapocs/signals/domain';
import type { EventStore } from '@kapocs/platform/event-store';

/** What every signals handler needs; built once by the infrastructure module. */
export interface SignalsDeps {
  readonly store: EventStore;
  readonly codes?: SignalCodeCatalogue;
  /** Event ids; injectable so tests can make them deterministic. */
  readonly newId?: () => string;
  readonly newReference?: () => string;
  /** Whether a settlement belongs to a district (the gazetteer); unchecked when absent. */
  readonly settlementInDistrict?: (settlement: string, district: string) => boolean;
}

/** Signals and members are routed only to settlements of their own district. */
export function requireSettlementsInDistrict(deps: SignalsDeps, field: string, settlements: readonly string[], district: string): void {
  const bad = deps.settlementInDistrict ? settlements.find((s) => !deps.settlementInDistrict?.(s, district)) : undefined;
  if (bad !== undefined) throw new SignalsError(SIGNALS_ERRORS.UNKNOWN_SETTLEMENT, { field, settlement: bad }, 'settlement not in district');
}

export const newIdOf = (deps: SignalsDeps): (() => string) => deps.newId ?? randomUUID;

// Crockford's base32 without I, L, O, U: read aloud on the phone without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The receipt's reference number: 50 random bits (`J-XXXXX-XXXXX`), so that a member cannot guess or count other
 * signals' numbers; a sequence would tell how many signals the district received and invite probing.
 */
export function randomReference(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `J-${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

export const newReferenceOf = (deps: SignalsDeps): (() => string) => deps.newReference ?? randomReference;

/** What a command handler answers: the new version (ETag) and the checkpoint for read-your-writes. */
export interface StreamResult {
  readonly version: string;
  readonly checkpoint: string;
}
