/**
 * The comparison key of a person's name: accents, case, spacing and punctuation removed ("Kovács-Nagy  Éva" →
 * "kovacs nagy eva"). One rule for duplicate detection (intake) and register search (projector); the key is only
 * ever compared or indexed, never shown or logged.
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
