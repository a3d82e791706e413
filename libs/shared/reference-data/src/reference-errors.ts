/** Stable error codes of the reference data (code lists); never reused, never change meaning. */
export const REFERENCE_ERRORS = {
  UNKNOWN_CODE_LIST: 'REFERENCE_UNKNOWN_CODE_LIST',
  INVALID_VERSION: 'REFERENCE_INVALID_VERSION',
  VERSION_CONFLICT: 'REFERENCE_VERSION_CONFLICT',
  UNKNOWN_PARENT: 'REFERENCE_UNKNOWN_PARENT',
} as const;
export type ReferenceErrorCode = (typeof REFERENCE_ERRORS)[keyof typeof REFERENCE_ERRORS];

export const REFERENCE_MESSAGES_HU: Readonly<Record<ReferenceErrorCode, string>> = {
  REFERENCE_UNKNOWN_CODE_LIST: 'Nincs ilyen kódlista.',
  REFERENCE_INVALID_VERSION: 'A kódlista új változata hibás (kötelező felirat, forrás vagy érvényességi dátum hiányzik vagy hibás).',
  REFERENCE_VERSION_CONFLICT: 'A kód új változatának a kód legutóbbi változata utáni napon kell kezdődnie.',
  REFERENCE_UNKNOWN_PARENT: 'A megadott szülőkód nem szerepel a kódlistában.',
};

export const REFERENCE_MESSAGES_EN: Readonly<Record<ReferenceErrorCode, string>> = {
  REFERENCE_UNKNOWN_CODE_LIST: 'There is no such code list.',
  REFERENCE_INVALID_VERSION: 'The new version of the code list is invalid (a label, the source or a validity date is missing or wrong).',
  REFERENCE_VERSION_CONFLICT: 'A new version of a code must start after the latest version of that code.',
  REFERENCE_UNKNOWN_PARENT: 'The parent code is not in the code list.',
};
