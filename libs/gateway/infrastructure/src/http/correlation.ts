import { randomUUID } from 'node:crypto';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from '@kapocs/platform/auth';

export const CORRELATION_HEADER = 'x-correlation-id';

/** A caller's id is kept only when it is short and plain, so it is safe in logs and NATS headers. */
export const correlationIdFrom = (header: unknown): string =>
  typeof header === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();

interface MiddlewareRequest {
  headers: Record<string, string | string[] | undefined>;
  correlationId?: string;
}
interface MiddlewareResponse {
  setHeader(name: string, value: string): void;
}

/** Express middleware: every request gets a correlation id, echoed in the response. */
export function correlationMiddleware(req: MiddlewareRequest, res: MiddlewareResponse, next: () => void): void {
  req.correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  res.setHeader('X-Correlation-Id', req.correlationId);
  next();
}

/** The request's correlation id (from `X-Correlation-Id` or generated). */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().correlationId ?? randomUUID(),
);
