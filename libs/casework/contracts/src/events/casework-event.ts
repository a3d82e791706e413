import type { DomainEvent } from '@kapocs/shared/kernel';

/**
 * A casework event. `data` holds ids, codes and dates; `personal` holds the free texts of the case log (problem
 * definitions, goals, undertakings, measures, reasons) keyed by the case's client, so shredding the client
 * (Szt. 23. §) takes the texts with it while the dated skeleton of the case stays for statistics.
 */
export interface CaseworkEvent<Type extends string, Version extends number, Data, Personal = never>
  extends DomainEvent<Type, Version, Data> {
  readonly personal?: Readonly<Record<string, Personal>>;
}

/** Every case event names its case. */
export interface CaseRef {
  readonly caseId: string;
}
