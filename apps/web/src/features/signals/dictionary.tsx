import { type Lang, useI18n } from '../../i18n';
import { EN } from './dictionary.en';
import { HU, type SignalsDictionary } from './dictionary.hu';

export type { SignalsDictionary } from './dictionary.hu';

export const SIGNALS_DICTIONARIES: Record<Lang, SignalsDictionary> = { hu: HU, en: EN };

/** The signal pages' texts in the UI language. */
export function useSignalsT(): SignalsDictionary {
  return SIGNALS_DICTIONARIES[useI18n().lang];
}
