import { type CallHandler, type ExecutionContext, HttpStatus, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { type Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { AuthenticatedRequest } from '@kapocs/platform/auth';
import { IdempotencyStore } from './idempotency.store.js';
import { isValidIdempotencyKey, requestHash } from './request-hash.js';

interface ReplyHeaders {
  setHeader(name: string, value: string): void;
}

/**
 * Honours `Idempotency-Key` on every authenticated POST (issue 3 §7): same key and body → the stored response;
 * other body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Keys are per actor and
 * expire after 24 hours; the stored response is exactly what the route returned (it may contain personal data).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || !request.actor || header === undefined) return next.handle();
    if (typeof header !== 'string' || !isValidIdempotencyKey(header)) {
      return throwError(() => new DomainError(PLATFORM_ERRORS.IDEMPOTENCY_KEY_INVALID, {}, 'Bad Idempotency-Key'));
    }
    const actor = request.actor.userId;
    const hash = requestHash(request.method, request.path, request.body);
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const response = context.switchToHttp().getResponse<ReplyHeaders>();

    return from(this.store.begin(actor, header, hash)).pipe(
      mergeMap((outcome) => {
        switch (outcome.kind) {
          case 'replay':
            response.setHeader('Idempotent-Replayed', 'true');
            return of(outcome.body);
          case 'reused':
            return throwError(() => new DomainError(PLATFORM_ERRORS.IDEMPOTENCY_KEY_REUSED, {}, 'Key reused'));
          case 'in-progress':
            return throwError(() => new DomainError(PLATFORM_ERRORS.IDEMPOTENCY_IN_PROGRESS, {}, 'Key in progress'));
          case 'new':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.store.complete(actor, header, status, body);
                return body;
              }),
              catchError((e: unknown) => from(this.store.release(actor, header)).pipe(mergeMap(() => throwError(() => e)))),
            );
        }
      }),
    );
  }
}
