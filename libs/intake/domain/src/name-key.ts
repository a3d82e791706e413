/**
 * Duplicate detection inside a district compares names tolerant of accents, case, spacing and punctuation
 * ("Kovács-Nagy  Éva" ≡ "kovacs nagy eva"). The key is only ever compared, never shown or logged.
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

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
