import type { SignalsErrorCode } from './errors.js';

/** English user messages of the signals codes (`Accept-Language: en`). */
export const SIGNALS_MESSAGES_EN: Readonly<Record<SignalsErrorCode, string>> = {
  SIGNALS_MISSING_FIELD: 'A required field is missing.',
  SIGNALS_MISSING_CATEGORY: 'Name at least one endangerment category.',
  SIGNALS_INVALID_FIELD: 'A field has an invalid format.',
  SIGNALS_UNKNOWN_CODE: 'Unknown code, or not valid on that date.',
  SIGNALS_DATE_IN_FUTURE: 'The date cannot be in the future.',
  SIGNALS_UNKNOWN_SETTLEMENT: 'The settlement is not in the district.',
  SIGNALS_MEMBER_ALREADY_REGISTERED: 'This signal-system member is already registered.',
  SIGNALS_MEMBER_NOT_FOUND: 'The signal-system member is not in the register of the district.',
  SIGNALS_PORTAL_USER_ALREADY_INVITED: 'This user already has access to the organisation’s signal portal.',
  SIGNALS_NOT_A_PORTAL_USER: 'You are not a portal user of this signal-system member.',
  SIGNALS_SIGNAL_NOT_FOUND: 'The signal was not found.',
  SIGNALS_SIGNAL_ID_CONFLICT: 'A signal with other content was already submitted under this id.',
  SIGNALS_SIGNAL_CLOSED: 'The signal is closed; no further measure can be recorded on it.',
  SIGNALS_SAME_WORKER: 'The signal is already assigned to this worker.',
  SIGNALS_CLIENT_NOT_REGISTERED: 'The client is not in the register of the district (or was erased).',
  SIGNALS_ALREADY_LINKED: 'The signal is already linked to a registered client.',
  SIGNALS_MEASURE_ALREADY_RECORDED: 'This measure was already recorded.',
};
