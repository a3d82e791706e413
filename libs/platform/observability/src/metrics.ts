import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process (or per test), with Node process metrics under the `kapocs_` prefix. */
export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'kapocs_' });
  return registry;
}

/** Body and content type of `GET /metrics`. */
export async function renderMetrics(registry: Registry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

export { Registry };
