import { Counter, Gauge, register, type Registry } from 'prom-client';

// Several relays or runners in one process share one metric, told apart by labels.
export function gauge(name: string, help: string, labelNames: string[], registry: Registry = register): Gauge {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Gauge;
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

export function counter(name: string, help: string, labelNames: string[], registry: Registry = register): Counter {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter;
  return new Counter({ name, help, labelNames, registers: [registry] });
}
