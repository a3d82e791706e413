/**
 * Every failure that crosses a boundary carries a stable code. The code never changes meaning and is never reused;
 * the gateway alone maps it to an HTTP status and a Hungarian (or English) message. The `message` here is for
 * developers and logs and must never contain personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/** The serialised form of a DomainError on the bus (request-reply). */
export interface ErrorReply {
  readonly code: string;
  readonly details?: Record<string, unknown> | readonly unknown[];
}

export const isErrorReply = (v: unknown): v is ErrorReply =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
