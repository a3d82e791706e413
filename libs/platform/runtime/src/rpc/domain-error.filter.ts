import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { of, type Observable } from 'rxjs';
import { DomainError, PLATFORM_ERRORS, type RpcReply } from '@kapocs/shared/kernel';
import type { Logger } from '@kapocs/platform/observability';

/**
 * Errors never throw over the bus (kernel RpcReply): a DomainError becomes `{ ok: false, error: { code, details } }`,
 * anything else INTERNAL without its message, which may hold personal data.
 */
@Catch()
export class RpcErrorReplyFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly log?: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<RpcReply<never>> {
    if (exception instanceof DomainError) return of({ ok: false, error: { code: exception.code, details: exception.details } });
    // Class and driver code only: messages of driver errors can quote row values.
    const e = exception as { name?: string; code?: unknown };
    this.log?.error({ error: e?.name ?? typeof exception, driverCode: e?.code }, 'request-reply handler failed');
    return of({ ok: false, error: { code: PLATFORM_ERRORS.INTERNAL } });
  }
}
