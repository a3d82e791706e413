import type { MatchReason } from './name-key.js';
import { type IdentityForMatching, probableDuplicate } from './name-key.js';

/** A registered client of the district whose identity might be the one being registered. */
export interface CandidateIdentity {
  readonly clientId: string;
  readonly identity: IdentityForMatching;
  /** Set when the candidate was merged into another client: the survivor is the one to link to. */
  readonly survivorId?: string;
}

export interface ProbableDuplicate {
  readonly clientId: string;
  readonly reason: MatchReason;
}

/**
 * The candidates that are probably the same person (same TAJ; or same name, birth date and mother's name, ignoring
 * accents and case). A merged candidate is reported as its survivor, once.
 */
export function findProbableDuplicates(
  identity: IdentityForMatching,
  candidates: readonly CandidateIdentity[],
  self?: string,
): readonly ProbableDuplicate[] {
  const found = new Map<string, MatchReason>();
  for (const candidate of candidates) {
    const reason = probableDuplicate(identity, candidate.identity);
    const clientId = candidate.survivorId ?? candidate.clientId;
    if (!reason || clientId === self) continue;
    // A TAJ match is the stronger reason; keep it if a second candidate matched by name only.
    if (found.get(clientId) !== 'same_taj') found.set(clientId, reason);
  }
  return [...found].map(([clientId, reason]) => ({ clientId, reason }));
}
