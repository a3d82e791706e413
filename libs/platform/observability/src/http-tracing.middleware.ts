import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extractTraceContext, tracer } from './tracing.js';

/**
 * Starts a server span per HTTP request, continuing the caller's `traceparent`, and keeps it active for the rest of
 * the request so that request-reply headers and event metadata carry the same trace. The span name holds the method
 * and the route prefix only: paths may contain ids, never personal data, but query strings are dropped.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const parent = extractTraceContext(req.headers);
    const path = (req.url ?? '/').split('?')[0];
    const span = tracer().startSpan(
      `HTTP ${req.method ?? 'GET'}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path } },
      parent,
    );
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: 2 });
      span.end();
    });
    const { traceId, spanId, traceFlags } = span.spanContext();
    res.setHeader('traceparent', `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`);
    context.with(trace.setSpan(parent, span), () => next());
  }
}
