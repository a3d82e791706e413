import {
  bootstrap,
  InProcessRpcRegistry,
  type PlatformConfig,
  type RunningPlatform,
} from '@kapocs/platform/runtime';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { TARGETS, type TargetName } from '@kapocs/shared/kernel';
import { setTimeout as pollInterval } from 'node:timers/promises';
import { ALL_TARGETS } from './all-targets.js';

const log = createLogger({ name: 'targets-test', level: 'silent' });
const services = TARGETS.filter((t) => t !== 'gateway');
const config = (targets: readonly TargetName[], natsUrl?: string): PlatformConfig => ({
  databaseUrl: defaultDatabaseUrl(),
  ...(natsUrl ? { natsUrl } : {}),
  port: 0,
  targets,
  masterKey: TEST_MASTER_KEY,
  dataDir: '/nonexistent',
  embedded: false,
  devIssuer: true,
});

async function devToken(gatewayUrl: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/api/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'targets-test', role: 'operator', district: '121', settlements: [] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Readiness is eventually true (a projector first catches up with the log): poll it with a deadline. */
async function untilReady(url: string, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await fetch(`${url}/health/ready`)).status;
    if (status === 200) return status;
    await pollInterval(50);
  }
  return status;
}

const ping = async (gatewayUrl: string, token: string, service: string): Promise<Response> =>
  fetch(`${gatewayUrl}/api/v1/services/${service}/ping`, { headers: { authorization: `Bearer ${token}` } });

describe('each target alone, over NATS, pinged through the gateway', () => {
  let gateway: RunningPlatform;
  let token: string;
  beforeAll(async () => {
    gateway = await bootstrap({ gateway: ALL_TARGETS.gateway }, { config: config(['gateway'], defaultNatsUrl()), log });
    token = await devToken(gateway.url);
  });
  afterAll(() => gateway.close());

  it.each(services)('%s starts alone, is live and ready, and answers a ping through the gateway', async (target) => {
    const alone = await bootstrap({ [target]: ALL_TARGETS[target] }, { config: config([target], defaultNatsUrl()), log });
    try {
      expect((await fetch(`${alone.url}/health/live`)).status).toBe(200);
      expect(await untilReady(alone.url)).toBe(200);
      const res = await ping(gateway.url, token, target);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ service: target, target });
    } finally {
      await alone.close();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE when the service is not running', async () => {
    const res = await ping(gateway.url, token, 'diagnosis');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('target all, in one process with the in-process transport', () => {
  let p: RunningPlatform;
  beforeAll(async () => {
    p = await bootstrap(ALL_TARGETS, { config: config(TARGETS), log, rpcRegistry: new InProcessRpcRegistry() });
  });
  afterAll(() => p.close());

  it('answers every ping through the gateway and is ready', async () => {
    const token = await devToken(p.url);
    for (const service of services) {
      const res = await ping(p.url, token, service);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ service, target: 'all' });
    }
    expect(await untilReady(p.url)).toBe(200);
    const ready = await fetch(`${p.url}/health/ready`);
    expect(Object.keys(((await ready.json()) as { checks: object }).checks)).toEqual(
      expect.arrayContaining(['database', ...TARGETS]),
    );
    expect((await fetch(`${p.url}/health/live`)).status).toBe(200);
  });

  it('serves the OpenAPI document and the metrics', async () => {
    const docs = await fetch(`${p.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    const paths = Object.keys(((await docs.json()) as { paths: object }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/dev/token', '/api/v1/services/{service}/ping']));
    const metrics = await (await fetch(`${p.url}/metrics`)).text();
    expect(metrics).toContain('kapocs_pg_oldest_xact_age_seconds');
  });
});
