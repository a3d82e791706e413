/**
 * Error codes of the signals context (STYLE.md §2.6): stable, never reused, never renamed. Details name the offending
 * `field` wherever one field is to blame.
 */
export const SIGNALS_ERRORS = {
  /** details: field. */
  MISSING_FIELD: 'SIGNALS_MISSING_FIELD',
  /** details: field. A jelzés names at least one endangerment category. */
  MISSING_CATEGORY: 'SIGNALS_MISSING_CATEGORY',
  /** details: field, reason. */
  INVALID_FIELD: 'SIGNALS_INVALID_FIELD',
  /** details: field, list, code, onDate. */
  UNKNOWN_CODE: 'SIGNALS_UNKNOWN_CODE',
  /** details: field, date, today. */
  DATE_IN_FUTURE: 'SIGNALS_DATE_IN_FUTURE',
  /** details: field, settlement. Not a settlement of the district. */
  UNKNOWN_SETTLEMENT: 'SIGNALS_UNKNOWN_SETTLEMENT',
  /** details: organisationId. */
  MEMBER_ALREADY_REGISTERED: 'SIGNALS_MEMBER_ALREADY_REGISTERED',
  /** details: organisationId. Also for another district's organisation, so that its existence does not leak. */
  MEMBER_NOT_FOUND: 'SIGNALS_MEMBER_NOT_FOUND',
  /** details: organisationId, userId. */
  PORTAL_USER_ALREADY_INVITED: 'SIGNALS_PORTAL_USER_ALREADY_INVITED',
  /** details: organisationId. The token's user is not a portal user of its organisation. */
  NOT_A_PORTAL_USER: 'SIGNALS_NOT_A_PORTAL_USER',
  /** details: signalId. Also for another organisation's, district's or settlement's signal, so nothing leaks. */
  SIGNAL_NOT_FOUND: 'SIGNALS_SIGNAL_NOT_FOUND',
  /** details: signalId. The same signal id submitted again with other content (a retry repeats the same). */
  SIGNAL_ID_CONFLICT: 'SIGNALS_SIGNAL_ID_CONFLICT',
  /** details: signalId. The signal is closed: nothing more is recorded on it. */
  SIGNAL_CLOSED: 'SIGNALS_SIGNAL_CLOSED',
  /** details: signalId, workerId. */
  SAME_WORKER: 'SIGNALS_SAME_WORKER',
  /** details: clientId. Not in the register of the district, or erased. */
  CLIENT_NOT_REGISTERED: 'SIGNALS_CLIENT_NOT_REGISTERED',
  /** details: signalId, clientId. */
  ALREADY_LINKED: 'SIGNALS_ALREADY_LINKED',
  /** details: signalId, measureId. */
  MEASURE_ALREADY_RECORDED: 'SIGNALS_MEASURE_ALREADY_RECORDED',
  /** details: field, limitBytes. A file (or the whole upload) over the size limit; nothing is stored. */
  ATTACHMENT_TOO_LARGE: 'SIGNALS_ATTACHMENT_TOO_LARGE',
  /** details: field, maxFiles. */
  ATTACHMENT_TOO_MANY: 'SIGNALS_ATTACHMENT_TOO_MANY',
  /**
   * details: field, index, reason (`content` | `name_mismatch`). The content (never the name or declared type) is not
   * an allowed document or image, or the name's extension claims another type than the content shows.
   */
  ATTACHMENT_TYPE: 'SIGNALS_ATTACHMENT_TYPE',
  /** details: attachmentId. Also for another organisation's signal and after the signal's data was erased. */
  ATTACHMENT_NOT_FOUND: 'SIGNALS_ATTACHMENT_NOT_FOUND',
  /** details: field. The public form came without its proof of work. */
  PROOF_MISSING: 'SIGNALS_PROOF_MISSING',
  /** details: reason (`signature` | `work` | `format`). */
  PROOF_INVALID: 'SIGNALS_PROOF_INVALID',
  /** details: expiresAt. */
  PROOF_EXPIRED: 'SIGNALS_PROOF_EXPIRED',
  /** The challenge was already used for another signal. */
  PROOF_REUSED: 'SIGNALS_PROOF_REUSED',
  /** details: retryAfterSeconds. Too many public-form requests from one address. */
  RATE_LIMITED: 'SIGNALS_RATE_LIMITED',
} as const;
export type SignalsErrorCode = (typeof SIGNALS_ERRORS)[keyof typeof SIGNALS_ERRORS];
