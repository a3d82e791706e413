import type { Lang } from '../../i18n';
import { Reference } from '../../reference';

/**
 * Where each signal list lives among the reference code lists (SIGNAL_CODE_LISTS of @kapocs/signals/contracts): the
 * portal's and staff screens' pick lists and labels come from the reference data like every other code list (live
 * lists once logged in, with the operators' versions; the shipped files before), never from constants (ADR-0009).
 */
const LISTS = {
  memberCategory: 'signalMemberCategory',
  endangerment: 'signalEndangerment',
  channel: 'signalChannel',
  measure: 'signalMeasure',
} as const;

export type SignalCodeListName = keyof typeof LISTS;

let source: Reference = new Reference([], null);

/** The app's current reference data; set by the app whenever it changes, before its screens render. */
export function setSignalCodeSource(reference: Reference): void {
  source = reference;
}

/** Measures that end the handling of a signal (CLOSING_MEASURES of the contracts). */
export const CLOSING_MEASURES: readonly string[] = ['CLOSED_HANDLED', 'CLOSED_UNFOUNDED'];

export function codeOptions(list: SignalCodeListName, lang: Lang): readonly { code: string; label: string }[] {
  return source.list(LISTS[list]).map((c) => ({ code: c.code, label: lang === 'hu' ? c.labelHu : c.labelEn }));
}

export function codeLabel(list: SignalCodeListName, code: string | undefined, lang: Lang): string {
  return source.label(LISTS[list], code, lang);
}
