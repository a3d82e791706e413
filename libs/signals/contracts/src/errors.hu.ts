import type { SignalsErrorCode } from './errors.js';

/** Hungarian user messages of the signals codes; the gateway merges this table into its own (STYLE.md §2.6). */
export const SIGNALS_MESSAGES_HU: Readonly<Record<SignalsErrorCode, string>> = {
  SIGNALS_MISSING_FIELD: 'Egy kötelező mező nincs kitöltve.',
  SIGNALS_MISSING_CATEGORY: 'Adjon meg legalább egy veszélyeztetési kategóriát.',
  SIGNALS_INVALID_FIELD: 'Egy mező értéke hibás formátumú.',
  SIGNALS_UNKNOWN_CODE: 'Ismeretlen vagy az adott napon nem érvényes kód.',
  SIGNALS_DATE_IN_FUTURE: 'A dátum nem lehet jövőbeli.',
  SIGNALS_UNKNOWN_SETTLEMENT: 'A település nem tartozik a járáshoz.',
  SIGNALS_MEMBER_ALREADY_REGISTERED: 'Ez a jelzőrendszeri tag már nyilvántartásban van.',
  SIGNALS_MEMBER_NOT_FOUND: 'A jelzőrendszeri tag nem található a járás nyilvántartásában.',
  SIGNALS_PORTAL_USER_ALREADY_INVITED: 'Ez a felhasználó már hozzáfér a szervezet jelzőportáljához.',
  SIGNALS_NOT_A_PORTAL_USER: 'Ön nem felhasználója e jelzőrendszeri tag portáljának.',
  SIGNALS_SIGNAL_NOT_FOUND: 'A jelzés nem található.',
  SIGNALS_SIGNAL_ID_CONFLICT: 'Ezzel az azonosítóval már más tartalmú jelzés érkezett.',
  SIGNALS_SIGNAL_CLOSED: 'A jelzés ügyintézése lezárult; újabb intézkedés nem rögzíthető rajta.',
  SIGNALS_SAME_WORKER: 'A jelzés már ennek a munkatársnak van kiosztva.',
  SIGNALS_CLIENT_NOT_REGISTERED: 'Az igénybe vevő nem szerepel a járás nyilvántartásában (vagy adatait törölték).',
  SIGNALS_ALREADY_LINKED: 'A jelzés már egy nyilvántartott igénybe vevőhöz kapcsolódik.',
  SIGNALS_MEASURE_ALREADY_RECORDED: 'Ez az intézkedés már rögzítésre került.',
};
