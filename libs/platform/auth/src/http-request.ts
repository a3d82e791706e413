import type { Actor } from '@kapocs/shared/kernel';

/** The parts of an Express request the access code reads; `actor` is set by AccessGuard after verification. */
export interface AuthenticatedRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params?: Record<string, string>;
  readonly query?: Record<string, unknown>;
  readonly body?: unknown;
  readonly path: string;
  readonly originalUrl?: string;
  readonly method: string;
  actor?: Actor;
  correlationId?: string;
}
