import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { Controller, Get, Inject, Module, Param, type OnModuleInit } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RPC_CLIENT, type RpcReply, type TargetName } from '@kapocs/shared/kernel';
import { createLogger, currentTraceContext, setupTracing } from '@kapocs/platform/observability';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type RunningPlatform } from './bootstrap.js';
import type { PlatformConfig } from './config.js';
import { READINESS, type ReadinessRegistry } from './readiness.js';
import { requestReply, type RpcClient } from './rpc/request-reply.js';
import { natsSubjectPrefix } from './rpc/nats-transport.js';

const tracing = setupTracing({ exporter: 'memory' });
const log = createLogger({ name: 'bootstrap-test', level: 'silent' });

const config = (targets: TargetName[], natsUrl?: string, rpcLocalFirst?: boolean): PlatformConfig => ({
  ...(rpcLocalFirst === undefined ? {} : { rpcLocalFirst }),
  databaseUrl: defaultDatabaseUrl(),
  ...(natsUrl ? { natsUrl } : {}),
  port: 0,
  targets,
  masterKey: TEST_MASTER_KEY,
  dataDir: '/nonexistent',
  embedded: false,
  devIssuer: false,
});

/** A stand-in gateway route and a stand-in service handler, under a fresh subject per run. */
function testModules(subject: string, ready = true) {
  @Controller('test')
  class CallController {
    constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}
    @Get('call/:id')
    call(@Param('id') id: string): Promise<RpcReply<unknown>> {
      return requestReply(this.rpc, subject, { correlationId: id });
    }
  }
  @Module({ controllers: [CallController] })
  class FakeGatewayModule {}

  @Controller()
  class TraceController {
    @MessagePattern(subject)
    trace(): RpcReply<unknown> {
      return { ok: true, value: { trace: currentTraceContext() } };
    }
  }
  @Module({ controllers: [TraceController] })
  class FakeServiceModule implements OnModuleInit {
    constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}
    onModuleInit() {
      this.readiness.register('fake-service', () => ready);
    }
  }
  return { FakeGatewayModule, FakeServiceModule };
}

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

async function callWithTrace(url: string) {
  const traceId = randomBytes(16).toString('hex');
  const res = await fetch(`${url}/test/call/c-${traceId.slice(0, 8)}`, {
    headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
  });
  const body = (await res.json()) as { ok: boolean; value?: { trace?: { traceparent: string } } };
  return { traceId, status: res.status, body };
}

describe('bootstrap', () => {
  const running: RunningPlatform[] = [];
  afterAll(async () => {
    for (const p of running.reverse()) await p.close();
  });

  it('carries one trace id from HTTP through NATS headers into a handler of another process', async () => {
    const subject = `intake.query.trace${randomBytes(4).toString('hex')}`;
    const { FakeGatewayModule, FakeServiceModule } = testModules(subject);
    const nats = defaultNatsUrl();
    const service = await bootstrap({ intake: FakeServiceModule }, { config: config(['intake'], nats), log });
    running.push(service);
    const gateway = await bootstrap({ gateway: FakeGatewayModule }, { config: config(['gateway'], nats), log });
    running.push(gateway);

    const { traceId, status, body } = await callWithTrace(gateway.url);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(traceIdOf(body.value?.trace?.traceparent)).toBe(traceId);
    const spans = tracing.memoryExporter?.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId) ?? [];
    // The NATS span carries the subject as sent, behind this worker's namespace (natsSubjectPrefix).
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining([`${natsSubjectPrefix()}${subject}`, 'HTTP GET']));

    for (const p of [service, gateway]) {
      const ready = await fetch(`${p.url}/health/ready`);
      expect(ready.status).toBe(200);
    }
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^kapocs_pg_oldest_xact_age_seconds \d/m);
  });

  it('serves gateway and service in one process over the in-process transport', async () => {
    const subject = `intake.query.trace${randomBytes(4).toString('hex')}`;
    const { FakeGatewayModule, FakeServiceModule } = testModules(subject);
    const p = await bootstrap({ gateway: FakeGatewayModule, intake: FakeServiceModule }, { config: config(['gateway', 'intake']), log });
    running.push(p);
    const { traceId, body } = await callWithTrace(p.url);
    expect(traceIdOf(body.value?.trace?.traceparent)).toBe(traceId);
    expect((await fetch(`${p.url}/health/live`)).status).toBe(200);
    const ready = (await (await fetch(`${p.url}/health/ready`)).json()) as { checks: Record<string, string> };
    expect(ready.checks).toEqual({ database: 'ok', 'fake-service': 'ok' });
  });

  it('is not ready while a selected module is not', async () => {
    const { FakeServiceModule } = testModules(`intake.query.trace${randomBytes(4).toString('hex')}`, false);
    const p = await bootstrap({ intake: FakeServiceModule }, { config: config(['intake']), log });
    running.push(p);
    const res = await fetch(`${p.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not_ready', checks: { 'fake-service': 'failing', database: 'ok' } });
  });

  it('starts only the targets selected by TARGETS', async () => {
    const { FakeGatewayModule, FakeServiceModule } = testModules(`intake.query.x${randomBytes(4).toString('hex')}`);
    const p = await bootstrap({ gateway: FakeGatewayModule, intake: FakeServiceModule }, { config: config(['intake']), log });
    running.push(p);
    expect(p.targets).toEqual(['intake']);
    expect((await fetch(`${p.url}/test/call/x`)).status).toBe(404);
  });

  it('answers its own requests in process and the others over NATS when local-first (ADR-0011)', async () => {
    const nats = defaultNatsUrl();
    const local = `intake.query.local${randomBytes(4).toString('hex')}`;
    const remote = `casework.query.remote${randomBytes(4).toString('hex')}`;
    const prefix = natsSubjectPrefix();
    // Everything that crosses NATS on either subject is seen here.
    const spy = await connect({ servers: nats });
    const crossed: string[] = [];
    const watch = (subject: string) => {
      const sub = spy.subscribe(`${prefix}${subject}`);
      void (async () => {
        for await (const m of sub) crossed.push(m.subject);
      })();
    };
    watch(local);
    watch(remote);
    await spy.flush();
    try {
      const here = testModules(local);
      const there = testModules(remote);
      @Controller('any')
      class AnyCallController {
        constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}
        @Get(':subject')
        call(@Param('subject') subject: string): Promise<RpcReply<unknown>> {
          return requestReply(this.rpc, subject, { correlationId: 'local-first' });
        }
      }
      @Module({ controllers: [AnyCallController] })
      class AnyCallModule {}

      const other = await bootstrap({ casework: there.FakeServiceModule }, { config: config(['casework'], nats), log });
      running.push(other);
      const all = await bootstrap(
        { gateway: AnyCallModule, intake: here.FakeServiceModule },
        { config: config(['gateway', 'intake'], nats, true), log },
      );
      running.push(all);
      const gatewayPod = await bootstrap({ gateway: AnyCallModule }, { config: config(['gateway'], nats, true), log });
      running.push(gatewayPod);

      const ask = async (url: string, subject: string) => ((await (await fetch(`${url}/any/${subject}`)).json()) as { ok: boolean }).ok;
      expect(await ask(all.url, local)).toBe(true);
      await spy.flush();
      expect(crossed).toEqual([]);
      // Not served in this process: over NATS to the other one.
      expect(await ask(all.url, remote)).toBe(true);
      // A gateway in a process of its own still reaches the local-first process's handler over NATS.
      expect(await ask(gatewayPod.url, local)).toBe(true);
      await spy.flush();
      expect(crossed.sort()).toEqual([`${prefix}${local}`, `${prefix}${remote}`].sort());
    } finally {
      await spy.close();
    }
  });
});
