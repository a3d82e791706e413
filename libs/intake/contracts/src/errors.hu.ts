import type { IntakeErrorCode } from './errors.js';

/** Hungarian user messages of the intake codes; the gateway merges this table into its own (STYLE.md §2.6). */
export const INTAKE_MESSAGES_HU: Readonly<Record<IntakeErrorCode, string>> = {
  INTAKE_MISSING_FIELD: 'Egy kötelező mező nincs kitöltve.',
  INTAKE_INVALID_FIELD: 'Egy mező értéke hibás formátumú.',
  INTAKE_INVALID_TAJ: 'A TAJ szám érvénytelen: kilenc számjegy kell, és az ellenőrző számjegy nem egyezik.',
  INTAKE_BIRTH_DATE_IN_FUTURE: 'A születési dátum nem lehet jövőbeli.',
  INTAKE_DATE_IN_FUTURE: 'A dátum nem lehet jövőbeli.',
  INTAKE_UNKNOWN_CODE: 'Ismeretlen vagy az adott napon nem érvényes kód.',
  INTAKE_UNKNOWN_SETTLEMENT: 'Ismeretlen település, vagy a szolgáltatás helye nem a járáshoz tartozik.',
  INTAKE_PROBABLE_DUPLICATE:
    'Valószínűleg már nyilvántartott igénybe vevő (azonos TAJ szám, vagy azonos név, születési dátum és anyja neve). Válassza a meglévőt, vagy erősítse meg az új felvételt.',
  INTAKE_CLIENT_ALREADY_REGISTERED: 'Ez az igénybe vevő már nyilvántartásba került.',
  INTAKE_CLIENT_NOT_FOUND: 'Az igénybe vevő nem található.',
  INTAKE_CLIENT_MERGED: 'Az igénybe vevő adatait egy másik nyilvántartási tételbe olvasztották; azon folytassa.',
  INTAKE_CANNOT_MERGE_WITH_ITSELF: 'Egy igénybe vevő nem vonható össze önmagával.',
  INTAKE_NOTHING_TO_CORRECT: 'A helyesbítés nem változtat egyetlen adaton sem.',
  INTAKE_SERVICE_ALREADY_STARTED: 'Az ellátás igénybevétele már megkezdődött, és nem szűnt meg.',
  INTAKE_SERVICE_NOT_STARTED: 'Nincs folyamatban lévő ellátás, ezért nem szüntethető meg.',
  INTAKE_SERVICE_END_BEFORE_START: 'Az ellátás megszűnése nem lehet korábbi a kezdeténél.',
  INTAKE_SERVICE_START_BEFORE_PREVIOUS_END: 'Az ellátás kezdete nem lehet korábbi az előző ellátás megszűnésénél.',
  INTAKE_REGISTER_FULL: 'Az idei nyilvántartási sorszámok elfogytak ezen a szolgáltatási helyen.',
  INTAKE_CONTACT_ALREADY_LOGGED: 'Ez a kapcsolatfelvétel már rögzítésre került.',
  INTAKE_CONTACT_NOT_FOUND: 'A kapcsolatfelvétel nem található.',
  INTAKE_CONTACT_VOIDED: 'Ezt a bejegyzést érvénytelenítették; nem módosítható.',
  INTAKE_CORRECTION_NOT_ALLOWED:
    'A forgalmi naplóban elfoglalt helyet meghatározó adat (szolgáltatási hely, év, bejegyzés fajtája) nem helyesbíthető; érvénytelenítse a bejegyzést, és rögzítse újra.',
};
