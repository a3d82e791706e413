import { type ContactCorrectableFields, INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';
import { requireBoolean, requireCode, requireCodes, requireCount, requirePastDate, requireText } from './validation.js';

interface CheckContext {
  readonly today: string;
  /** The entry's date: codes must be valid on it. */
  readonly onDate: string;
  readonly rules: IntakeRules;
}
type Check = (field: string, value: unknown, ctx: CheckContext) => unknown;
interface FieldRule {
  readonly required: boolean;
  readonly check: Check;
}

const worker: FieldRule = { required: true, check: (f, v) => requireText(f, v, 64) };
const optionalWorker: FieldRule = { required: false, check: (f, v) => requireText(f, v, 64) };
const date: FieldRule = { required: true, check: (f, v, c) => requirePastDate(f, v, c.today) };

type Field = keyof ContactCorrectableFields;

/** Columns of an individual entry (kapcsolatfelvétel). */
export const INDIVIDUAL_RULES: Partial<Record<Field, FieldRule>> = {
  date,
  dutyWorkerId: worker,
  caseWorkerId: optionalWorker,
  newInYear: { required: true, check: requireBoolean },
  mode: { required: true, check: (f, v, c) => requireCode(c.rules, f, 'contactMode', v, c.onDate) },
  referrer: { required: false, check: (f, v, c) => requireCode(c.rules, f, 'referrer', v, c.onDate) },
  problemTypes: { required: true, check: (f, v, c) => requireCodes(c.rules, f, 'problemType', v, c.onDate, true) },
  crisis: { required: true, check: requireBoolean },
  caseHandling: { required: true, check: (f, v, c) => requireCodes(c.rules, f, 'caseHandling', v, c.onDate, true) },
  benefits: { required: true, check: (f, v, c) => requireCodes(c.rules, f, 'benefit', v, c.onDate, false) },
};

/** Columns of a group-session or community-work entry. */
export const GROUP_RULES: Partial<Record<Field, FieldRule>> = {
  date,
  dutyWorkerId: worker,
  caseWorkerId: optionalWorker,
  groupType: { required: true, check: (f, v, c) => requireCode(c.rules, f, 'groupType', v, c.onDate) },
  participantCount: { required: true, check: (f, v) => requireCount(f, v, 1) },
  newParticipantCount: { required: false, check: (f, v) => requireCount(f, v, 0) },
};

/**
 * Validates the given fields against the rules of the entry's kind: a field of the other kind is refused, `null`
 * clears an optional field. With `complete`, every required field must be present (logging, not correcting).
 */
export function validateContactFields(
  rules: Partial<Record<Field, FieldRule>>,
  input: Readonly<Record<string, unknown>>,
  ctx: CheckContext,
  complete: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(rules) as [Field, FieldRule][]) {
    const value = input[field];
    if (value === undefined || value === null) {
      if (rule.required && (complete || value === null)) {
        throw new IntakeError(INTAKE_ERRORS.MISSING_FIELD, { field }, `${field} is required`);
      }
      if (value === null) out[field] = null;
      continue;
    }
    out[field] = rule.check(field, value, ctx);
  }
  return out;
}

/** The count of new participants cannot exceed the participants. */
export function checkParticipants(fields: Partial<ContactCorrectableFields>): void {
  const { participantCount, newParticipantCount } = fields;
  if (participantCount !== undefined && newParticipantCount !== undefined && newParticipantCount > participantCount) {
    throw new IntakeError(
      INTAKE_ERRORS.INVALID_FIELD,
      { field: 'newParticipantCount', reason: 'more_than_participants' },
      'newParticipantCount exceeds participantCount',
    );
  }
}
