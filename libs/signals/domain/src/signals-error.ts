import type { SignalsErrorCode } from '@kapocs/signals/contracts';
import { DomainError } from '@kapocs/shared/kernel';

/** Every refusal of the signals context: a stable `SIGNALS_*` code, details naming the field, an English message. */
export class SignalsError extends DomainError {
  constructor(
    override readonly code: SignalsErrorCode,
    details: Record<string, unknown>,
    message: string,
  ) {
    super(code, details, message);
    this.name = 'SignalsError';
  }
}
