import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import { extractTraceContext, tracer } from '@kapocs/platform/observability';
import { readRpcHeaders } from './rpc-headers.js';

/**
 * Runs each request-reply handler in a server span continuing the `traceparent` header, so the handler (and the
 * events it appends) carry the caller's trace. Nest binds the handler to the async context in which `handle()` is
 * called, hence the call inside `context.with`.
 */
@Injectable()
export class RpcTracingInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'rpc') return next.handle();
    const rpcCtx: unknown = ctx.switchToRpc().getContext();
    const subject = (rpcCtx as { getSubject?: () => string }).getSubject?.() ?? 'rpc';
    const parent = extractTraceContext(readRpcHeaders(rpcCtx));
    return new Observable((subscriber) => {
      const span = tracer().startSpan(subject, { kind: SpanKind.SERVER, attributes: { 'messaging.destination': subject } }, parent);
      const sub = context.with(trace.setSpan(parent, span), () => next.handle()).subscribe({
        next: (v) => subscriber.next(v),
        error: (e: unknown) => {
          span.setStatus({ code: 2 });
          span.end();
          subscriber.error(e);
        },
        complete: () => {
          span.end();
          subscriber.complete();
        },
      });
      return () => sub.unsubscribe();
    });
  }
}
