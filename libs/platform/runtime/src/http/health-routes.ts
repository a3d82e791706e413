import type { INestApplication } from '@nestjs/common';
import { renderMetrics, type Registry } from '@kapocs/platform/observability';
import type { ReadinessRegistry } from '../readiness.js';

interface Res {
  status(code: number): Res;
  type(t: string): Res;
  send(body: string): void;
  json(body: unknown): void;
}

/**
 * `/health/live`, `/health/ready` and `/metrics` as plain routes of the one HTTP server, registered before Nest's
 * routes so that a global prefix or guard of the gateway never hides them from probes and scrapers.
 */
export function registerHealthRoutes(app: INestApplication, readiness: ReadinessRegistry, metrics: Registry, target: string): void {
  const http = app.getHttpAdapter();
  http.get('/health/live', (_req: unknown, res: Res) => res.status(200).json({ status: 'live', target }));
  http.get('/health/ready', async (_req: unknown, res: Res) => {
    const report = await readiness.report();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not_ready', target, checks: report.checks });
  });
  http.get('/metrics', async (_req: unknown, res: Res) => {
    const { contentType, body } = await renderMetrics(metrics);
    res.status(200).type(contentType).send(body);
  });
}
