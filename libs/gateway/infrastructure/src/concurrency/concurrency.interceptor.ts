import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Observable, tap, throwError } from 'rxjs';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { REQUIRE_IF_MATCH, VERSIONED, etagOf, parseIfMatch } from './if-match.js';

interface Req {
  readonly headers: Record<string, string | string[] | undefined>;
}
interface Res {
  setHeader(name: string, value: string): void;
}

/** Optimistic concurrency over HTTP: `If-Match` in, `ETag` out (issue 3 §7). */
@Injectable()
export class ConcurrencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const handler = context.getHandler();
    const http = context.switchToHttp();
    if (this.reflector.get<boolean>(REQUIRE_IF_MATCH, handler)) {
      try {
        if (parseIfMatch(http.getRequest<Req>().headers['if-match']) === undefined) {
          return throwError(() => new DomainError(PLATFORM_ERRORS.PRECONDITION_REQUIRED, { header: 'If-Match' }));
        }
      } catch (e) {
        return throwError(() => e);
      }
    }
    if (!this.reflector.get<boolean>(VERSIONED, handler)) return next.handle();
    return next.handle().pipe(
      tap((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'string' || typeof version === 'number') http.getResponse<Res>().setHeader('ETag', etagOf(version));
      }),
    );
  }
}
