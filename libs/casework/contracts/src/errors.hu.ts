import type { CaseworkErrorCode } from './errors.js';

/** Hungarian user messages of the casework codes; the gateway merges this table into its own (STYLE.md §2.6). */
export const CASEWORK_MESSAGES_HU: Readonly<Record<CaseworkErrorCode, string>> = {
  CASEWORK_MISSING_FIELD: 'Egy kötelező mező nincs kitöltve.',
  CASEWORK_INVALID_FIELD: 'Egy mező értéke hibás formátumú.',
  CASEWORK_DATE_IN_FUTURE: 'A dátum nem lehet jövőbeli.',
  CASEWORK_DATE_BEFORE_OPENING: 'A bejegyzés dátuma nem lehet korábbi a gondozásba vétel napjánál.',
  CASEWORK_UNKNOWN_CODE: 'Ismeretlen vagy az adott napon nem érvényes kód.',
  CASEWORK_CASE_ALREADY_OPENED: 'Ez az eset már meg van nyitva.',
  CASEWORK_CASE_NOT_FOUND: 'Az eset nem található.',
  CASEWORK_CASE_NOT_OPEN: 'Az eset le van zárva; előbb nyissa meg újra.',
  CASEWORK_CASE_NOT_CLOSED: 'Csak lezárt eset nyitható meg újra.',
  CASEWORK_CLIENT_NOT_REGISTERED:
    'Az igénybe vevő nem szerepel a járás nyilvántartásában (vagy adatait törölték); gondozásba vétel előtt vegye nyilvántartásba.',
  CASEWORK_GOAL_NOT_FOUND: 'A cselekvési terv e célja nem található; értékelni csak meglévő célt lehet.',
  CASEWORK_GOAL_ALREADY_SET: 'Ez a cél már szerepel a cselekvési tervben.',
  CASEWORK_GOAL_ALREADY_ACHIEVED: 'Ez a cél már teljesült; újabb értékelése nem rögzíthető.',
  CASEWORK_DEADLINE_IN_PAST: 'A határidő nem lehet korábbi a rögzítés napjánál.',
  CASEWORK_ENTRY_ALREADY_RECORDED: 'Ez a bejegyzés már rögzítésre került.',
  CASEWORK_SAME_WORKER: 'Az esetet ugyanannak az esetfelelősnek nem lehet átadni.',
  CASEWORK_NOT_ACTIVE_AGE_CASE: 'Ez nem aktív korúak ellátásában részesülő igénybe vevő esete.',
  CASEWORK_PROGRAMME_ALREADY_AGREED: 'A beilleszkedési programot már megkötötték.',
  CASEWORK_PROGRAMME_NOT_AGREED: 'Előbb a beilleszkedési programot kell megkötni.',
};
