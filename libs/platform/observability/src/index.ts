export {
  setupTracing,
  tracer,
  withSpan,
  currentTraceContext,
  injectTraceHeaders,
  extractTraceContext,
  runWithTraceContext,
  startSpanFrom,
  activeSpanIds,
  type Tracing,
  type TracingOptions,
  type TraceHeaders,
  type SpanAttributes,
} from './tracing.js';
export { createLogger, REDACTED_LOG_PATHS, type Logger, type LoggerOptions } from './logger.js';
export { createMetricsRegistry, renderMetrics, Registry } from './metrics.js';
export { HttpTracingMiddleware } from './http-tracing.middleware.js';
export { gauge, counter } from './shared-metrics.js';
