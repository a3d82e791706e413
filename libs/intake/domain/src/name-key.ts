import { nameKey } from '@kapocs/shared/kernel';

/** Re-exported for the domain's callers; the rule itself is shared with register search. */
export { nameKey };

export interface IdentityForMatching {
  readonly name: string;
  readonly birthDate: string;
  readonly mothersName: string;
  readonly taj?: string;
}

export type MatchReason = 'same_taj' | 'same_name_birth_date_mother';

/** Why two identities are probably the same person, or undefined. */
export const probableDuplicate = (a: IdentityForMatching, b: IdentityForMatching): MatchReason | undefined => {
  if (a.taj && b.taj && a.taj === b.taj) return 'same_taj';
  if (
    a.birthDate === b.birthDate &&
    nameKey(a.name) === nameKey(b.name) &&
    nameKey(a.mothersName) === nameKey(b.mothersName)
  )
    return 'same_name_birth_date_mother';
  return undefined;
};
