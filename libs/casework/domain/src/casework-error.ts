import type { CaseworkErrorCode } from '@kapocs/casework/contracts';
import { DomainError } from '@kapocs/shared/kernel';

/** Every refusal of the casework context: a stable `CASEWORK_*` code, details naming the field, an English message. */
export class CaseworkError extends DomainError {
  constructor(
    override readonly code: CaseworkErrorCode,
    details: Record<string, unknown>,
    message: string,
  ) {
    super(code, details, message);
    this.name = 'CaseworkError';
  }
}
