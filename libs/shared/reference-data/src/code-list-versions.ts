import { DomainError } from '@kapocs/shared/kernel';
import type { ReferenceCode } from './code-list.js';
import { REFERENCE_ERRORS } from './reference-errors.js';

/**
 * Why a version cannot be added on top of `entries`, or undefined. A version of a code starts after every earlier
 * version of that code (versions are appended, never inserted before history); its parent is a code of the same list.
 */
export function versionConflict(entries: readonly ReferenceCode[], v: ReferenceCode): DomainError | undefined {
  const later = entries.find((e) => e.list === v.list && e.code === v.code && e.validFrom >= v.validFrom);
  if (later) {
    return new DomainError(
      REFERENCE_ERRORS.VERSION_CONFLICT,
      { list: v.list, code: v.code, validFrom: v.validFrom, existingFrom: later.validFrom },
      'a version must start after the latest version of its code',
    );
  }
  if (v.parent !== undefined && !entries.some((e) => e.list === v.list && e.code === v.parent)) {
    return new DomainError(REFERENCE_ERRORS.UNKNOWN_PARENT, { list: v.list, parent: v.parent }, 'parent is not a code of the list');
  }
  return undefined;
}

/**
 * Applies one version: the version of the same code still valid on its `validFrom` ends there (`validTo`), so entries
 * dated before keep the old version and entries dated on or after get the new one. The version follows its code (or
 * ends its list) so pick lists keep their order. Throws the conflict of `versionConflict`.
 */
export function applyVersion(entries: readonly ReferenceCode[], v: ReferenceCode): ReferenceCode[] {
  const conflict = versionConflict(entries, v);
  if (conflict) throw conflict;
  const closed = entries.map((e) =>
    e.list === v.list && e.code === v.code && (e.validTo === undefined || e.validTo > v.validFrom) ? { ...e, validTo: v.validFrom } : e,
  );
  const anchor = closed.findLastIndex((e) => e.list === v.list && e.code === v.code);
  const at = anchor >= 0 ? anchor : closed.findLastIndex((e) => e.list === v.list);
  return [...closed.slice(0, at + 1), v, ...closed.slice(at + 1)];
}

/** The baseline with every operator version applied in the order they were added. */
export const applyVersions = (baseline: readonly ReferenceCode[], versions: readonly ReferenceCode[]): ReferenceCode[] =>
  versions.reduce<ReferenceCode[]>((acc, v) => applyVersion(acc, v), [...baseline]);
