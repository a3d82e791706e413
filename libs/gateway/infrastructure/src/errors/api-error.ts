import { DomainError } from '@kapocs/shared/kernel';

/** A gateway error whose details are a list (validation problems, a service's list details), rendered as is. */
export class ApiError extends DomainError {
  constructor(
    code: string,
    readonly items: readonly unknown[] = [],
    message?: string,
  ) {
    super(code, {}, message);
    this.name = 'ApiError';
  }
}
