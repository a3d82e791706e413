import { BASELINE_CODE_LISTS, type CodeListName, type CodeLists } from '@kapocs/shared/reference-data';

/** The signal system's code lists, by the names the signals context uses. */
export type SignalCodeList = 'memberCategory' | 'endangerment' | 'channel' | 'measure';

/**
 * The code lists signals validate against: versioned reference data (ADR-0009) — the data files of
 * @kapocs/shared/reference-data (`signal-*.json`) plus the operators' versions — never constants in code. A list
 * changes by adding a version; old signals keep the codes valid on their own date.
 */
export type SignalCodeCatalogue = CodeLists;

/** Where each of the signals lists lives among the reference code lists. */
export const SIGNAL_CODE_LISTS: Readonly<Record<SignalCodeList, CodeListName>> = {
  memberCategory: 'signalMemberCategory',
  endangerment: 'signalEndangerment',
  channel: 'signalChannel',
  measure: 'signalMeasure',
};

/**
 * The shipped versions (the data files as they are): the deciders' default, for tests and tools. The signals service
 * hands its deciders the live lists (files plus operators' versions, reloaded when one is added).
 */
export const SIGNAL_CODES: SignalCodeCatalogue = BASELINE_CODE_LISTS;

/** Measures that end the handling of a signal. */
export const CLOSING_MEASURES: readonly string[] = ['CLOSED_HANDLED', 'CLOSED_UNFOUNDED'];

/** Whether `code` is in `list` on `date` (ISO day). */
export const isSignalCodeValid = (catalogue: SignalCodeCatalogue, list: SignalCodeList, code: string, date: string): boolean =>
  catalogue.find(SIGNAL_CODE_LISTS[list], code, date) !== undefined;

/** Who the jelzés is about. */
export const SUBJECT_KINDS = ['child', 'adult', 'family'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** `immediate`: the signaller reports immediate danger (the signal is critical and the on-call number is shown). */
export const URGENCIES = ['immediate', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];
