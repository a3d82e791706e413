import { context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  readonly serviceName?: string;
  /** `memory` keeps finished spans in an InMemorySpanExporter (tests); `none` (the default) makes ids without recording. */
  readonly exporter?: 'memory' | 'none' | SpanExporter;
}

export interface Tracing {
  readonly provider: BasicTracerProvider;
  /** Set when `exporter: 'memory'`. */
  readonly memoryExporter?: InMemorySpanExporter;
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

/**
 * Installs the process-wide tracer provider, AsyncLocalStorage context manager and W3C propagator once. OpenTelemetry
 * keeps these globals itself, so a second call returns the first installation rather than fighting over them.
 */
export function setupTracing(options: TracingOptions = {}): Tracing {
  if (installed) return installed;
  const memoryExporter = options.exporter === 'memory' ? new InMemorySpanExporter() : undefined;
  const processors: SpanProcessor[] = [];
  if (memoryExporter) processors.push(new SimpleSpanProcessor(memoryExporter));
  else if (typeof options.exporter === 'object') processors.push(new BatchSpanProcessor(options.exporter));
  // Nothing reads spans without an exporter: they are then non-recording (no attributes, events or timing kept), while
  // trace and span ids are still made and propagated into NATS headers, logs and event metadata. Recording spans
  // that nobody exports cost ~4 % of the command path's CPU (docs/performance.md).
  const provider = new BasicTracerProvider({
    spanProcessors: processors,
    ...(processors.length === 0 ? { sampler: new AlwaysOffSampler() } : {}),
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = {
    provider,
    ...(memoryExporter ? { memoryExporter } : {}),
    async shutdown() {
      await provider.shutdown();
    },
  };
  return installed;
}

export const tracer = () => trace.getTracer('kapocs');

export type SpanAttributes = Record<string, string | number | boolean>;

/** Runs `fn` inside a new span (child of the current one); records an exception and rethrows. */
export async function withSpan<T>(name: string, attrs: SpanAttributes, fn: () => Promise<T> | T): Promise<T> {
  return tracer().startActiveSpan(name, { attributes: attrs }, async (span) => {
    try {
      return await fn();
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: 2 });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** W3C trace context of the active span, for event metadata and NATS headers. */
export interface TraceHeaders {
  readonly traceparent: string;
  readonly tracestate?: string;
}

export function currentTraceContext(): TraceHeaders | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier['traceparent']) return undefined;
  return carrier['tracestate']
    ? { traceparent: carrier['traceparent'], tracestate: carrier['tracestate'] }
    : { traceparent: carrier['traceparent'] };
}

/** Writes `traceparent`/`tracestate` of the active context into `carrier` and returns it. */
export function injectTraceHeaders<C extends Record<string, string>>(carrier: C): C {
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** A context whose remote parent is the trace in `carrier` (HTTP headers, NATS headers, event metadata). */
export function extractTraceContext(carrier: Readonly<Record<string, string | string[] | undefined>>): Context {
  return propagation.extract(context.active(), carrier, {
    keys: (c) => Object.keys(c),
    get: (c, key) => {
      const v = c[key] ?? c[key.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
  });
}

/** Runs `fn` as a continuation of `trace` (e.g. an event's metadata.trace); without one, in the current context. */
export function runWithTraceContext<T>(traceCtx: TraceHeaders | undefined, fn: () => T): T {
  if (!traceCtx) return fn();
  return context.with(extractTraceContext({ ...traceCtx }), fn);
}

/** The active trace and span ids, for log lines. */
export function activeSpanIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** An open span whose parent is `traceCtx` (an event's metadata.trace); the caller ends it. */
export function startSpanFrom(name: string, traceCtx: TraceHeaders | undefined, attrs: SpanAttributes = {}): Span {
  const parent = traceCtx ? extractTraceContext({ ...traceCtx }) : context.active();
  return tracer().startSpan(name, { attributes: attrs }, parent);
}
