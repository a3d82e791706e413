import { Writable } from 'node:stream';
import { context } from '@opentelemetry/api';
import {
  createLogger,
  createMetricsRegistry,
  currentTraceContext,
  extractTraceContext,
  injectTraceHeaders,
  renderMetrics,
  runWithTraceContext,
  setupTracing,
  withSpan,
} from './index.js';

const tracing = setupTracing({ exporter: 'memory' });

describe('tracing', () => {
  it('has no trace context outside a span', () => {
    expect(currentTraceContext()).toBeUndefined();
  });

  it('continues a remote traceparent and injects it into carriers', async () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const seen = await runWithTraceContext({ traceparent: parent }, () =>
      withSpan('child', { kind: 'test' }, () => ({ ctx: currentTraceContext(), headers: injectTraceHeaders<Record<string, string>>({}) })),
    );
    expect(seen.ctx?.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(seen.ctx?.traceparent).not.toContain('b7ad6b7169203331');
    expect(seen.headers['traceparent']).toBe(seen.ctx?.traceparent);
    const span = tracing.memoryExporter?.getFinishedSpans().find((s) => s.name === 'child');
    expect(span?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('extracts from header carriers with array values', () => {
    const ctx = extractTraceContext({ traceparent: ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'] });
    expect(context.with(ctx, () => currentTraceContext()?.traceparent)).toBe(
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    );
  });

  it('marks a failing span and rethrows', async () => {
    await expect(withSpan('boom', {}, () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    const span = tracing.memoryExporter?.getFinishedSpans().find((s) => s.name === 'boom');
    expect(span?.status.code).toBe(2);
  });
});

describe('logger', () => {
  it('writes JSON with trace ids and redacts bodies and tokens', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = createLogger({ name: 'test', destination });
    await withSpan('logged', {}, () => {
      log.info({ body: { name: 'Kiss Anna' }, req: { headers: { authorization: 'Bearer abc' } } }, 'request');
    });
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]).not.toContain('Kiss Anna');
    expect(lines[0]).not.toContain('Bearer abc');
  });
});

describe('metrics', () => {
  it('renders process metrics in Prometheus text format', async () => {
    const { body, contentType } = await renderMetrics(createMetricsRegistry());
    expect(contentType).toContain('text/plain');
    expect(body).toContain('kapocs_process_cpu_seconds_total');
  });
});
