import { CASEWORK_MESSAGES_HU } from '@kapocs/casework/contracts';
import { INTAKE_MESSAGES_HU } from '@kapocs/intake/contracts';
import { SIGNALS_MESSAGES_HU } from '@kapocs/signals/contracts';
import type { PlatformErrorCode } from '@kapocs/shared/kernel';
import { REFERENCE_MESSAGES_HU } from '@kapocs/shared/reference-data';
import type { ErrorCode } from './http-status.js';

/** Hungarian user-facing messages, the default language of every error response (STYLE.md §2.6). */
const platform: Readonly<Record<PlatformErrorCode, string>> = {
  VALIDATION_FAILED: 'A kérés adatai hibásak.',
  UNKNOWN_FIELD: 'A kérés ismeretlen mezőt tartalmaz.',
  BODY_TOO_LARGE: 'A kérés túl nagy.',
  MALFORMED_JSON: 'A kérés törzse nem érvényes JSON.',
  UNAUTHENTICATED: 'Bejelentkezés szükséges, vagy a hozzáférési token érvénytelen.',
  FORBIDDEN: 'Ehhez a művelethez nincs jogosultsága.',
  OUT_OF_SCOPE: 'A kért adat a jogosultsági körén (járás, település vagy szervezet) kívül esik.',
  NOT_FOUND: 'A keresett erőforrás nem található.',
  WRONG_EXPECTED_VERSION: 'Az adatot időközben módosították; töltse be újra, és próbálja ismét.',
  PRECONDITION_REQUIRED: 'A módosításhoz meg kell adni a várt verziót (If-Match fejléc).',
  IDEMPOTENCY_KEY_REUSED: 'Ezt az idempotencia-kulcsot már egy másik kéréshez használták.',
  IDEMPOTENCY_KEY_INVALID: 'Az idempotencia-kulcs formátuma érvénytelen.',
  IDEMPOTENCY_IN_PROGRESS: 'Ugyanez a kérés feldolgozás alatt van; próbálja újra később.',
  SERVICE_UNAVAILABLE: 'A szolgáltatás átmenetileg nem érhető el.',
  TIMEOUT: 'A szolgáltatás nem válaszolt időben.',
  RATE_LIMITED: 'Túl sok kérés érkezett; próbálja újra később.',
  DEV_ISSUER_DISABLED: 'A fejlesztői tokenkiadó ki van kapcsolva.',
  INTERNAL: 'Váratlan hiba történt.',
};

/** The contexts' messages come from their contracts, so a new code and its text ship together. */
export const hu: Readonly<Record<ErrorCode, string>> = { ...platform, ...INTAKE_MESSAGES_HU, ...CASEWORK_MESSAGES_HU, ...SIGNALS_MESSAGES_HU, ...REFERENCE_MESSAGES_HU };

/** For a code a service sends that the tables do not know yet. */
export const HU_FALLBACK = 'A kérés nem teljesíthető.';
