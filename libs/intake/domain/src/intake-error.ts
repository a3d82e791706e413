import { DomainError } from '@kapocs/shared/kernel';
import type { IntakeErrorCode } from '@kapocs/intake/contracts';

/** Every refusal of the intake context: a stable `INTAKE_*` code, details naming the field, an English message. */
export class IntakeError extends DomainError {
  constructor(
    override readonly code: IntakeErrorCode,
    details: Record<string, unknown>,
    message: string,
  ) {
    super(code, details, message);
    this.name = 'IntakeError';
  }
}
