import type { DomainEvent } from '@kapocs/shared/kernel';

/**
 * An intake event. `data` holds ids, codes, dates and counts and stays readable forever (statistics after
 * shredding); `personal` holds each data subject's personal fields keyed by subject id, which the event store
 * encrypts with that subject's key (DESIGN.md §5). Readers get no entry for a shredded subject.
 */
export interface IntakeEvent<Type extends string, Version extends number, Data, Personal = never>
  extends DomainEvent<Type, Version, Data> {
  readonly personal?: Readonly<Record<string, Personal>>;
}

/** A correction's field values: a present key is changed, `null` clears an optional field. */
export type FieldChanges<T> = { readonly [K in keyof T]?: T[K] | null };
