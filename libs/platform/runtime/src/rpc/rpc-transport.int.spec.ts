import { randomBytes } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload, type NatsOptions, type CustomStrategy } from '@nestjs/microservices';
import { NEVER } from 'rxjs';
import { DomainError, PLATFORM_ERRORS, type RpcReply } from '@kapocs/shared/kernel';
import { createLogger, currentTraceContext, setupTracing, withSpan } from '@kapocs/platform/observability';
import { defaultNatsUrl } from '@kapocs/platform/testing';
import { InProcessClientProxy } from './in-process.client.js';
import { InProcessRpcRegistry } from './in-process.registry.js';
import { InProcessServer } from './in-process.server.js';
import { createNatsClientProxy, natsServerOptions } from './nats-transport.js';
import { requestReply, type RpcClient } from './request-reply.js';
import { CORRELATION_HEADER, readRpcHeaders } from './rpc-headers.js';
import { RpcErrorReplyFilter } from './domain-error.filter.js';
import { RpcTracingInterceptor } from './rpc-tracing.interceptor.js';

setupTracing({ exporter: 'memory' });
const log = createLogger({ name: 'rpc-contract', level: 'silent' });

/** Patterns under a fresh prefix, so parallel runs on the shared NATS never answer each other. */
function testModule(prefix: string) {
  @Controller()
  class TestController {
    @MessagePattern(`${prefix}.query.echo`)
    echo(@Payload() data: { n: number }, @Ctx() ctx: unknown): RpcReply<unknown> {
      return { ok: true, value: { n: data.n, headers: readRpcHeaders(ctx), handlerTrace: currentTraceContext() } };
    }
    @MessagePattern(`${prefix}.query.refuse`)
    refuse(): RpcReply<never> {
      return { ok: false, error: { code: 'TEST_REFUSED', details: { why: 'test' } } };
    }
    @MessagePattern(`${prefix}.cmd.throw`)
    throwDomain(): never {
      throw new DomainError('TEST_THROWN', { k: 1 });
    }
    @MessagePattern(`${prefix}.cmd.crash`)
    crash(): never {
      throw new Error('secret personal detail');
    }
    @MessagePattern(`${prefix}.query.silent`)
    silent() {
      return NEVER;
    }
  }
  @Module({ controllers: [TestController] })
  class TestModule {}
  return TestModule;
}

interface Transport {
  server: NatsOptions | CustomStrategy;
  client: RpcClient;
}

const transports: [string, () => Transport][] = [
  [
    'in-process',
    () => {
      const registry = new InProcessRpcRegistry();
      return { server: { strategy: new InProcessServer(registry) }, client: new InProcessClientProxy(registry) };
    },
  ],
  ['nats', () => ({ server: natsServerOptions(defaultNatsUrl(), 'rpc-contract'), client: createNatsClientProxy(defaultNatsUrl()) })],
];

describe.each(transports)('request-reply contract: %s', (_name, makeTransport) => {
  const prefix = `rpctest${randomBytes(4).toString('hex')}`;
  let ms: INestMicroservice;
  let client: RpcClient;

  beforeAll(async () => {
    const t = makeTransport();
    client = t.client;
    ms = await NestFactory.createMicroservice(testModule(prefix), { ...t.server, logger: false });
    ms.useGlobalInterceptors(new RpcTracingInterceptor());
    ms.useGlobalFilters(new RpcErrorReplyFilter(log));
    await ms.listen();
  });

  afterAll(async () => {
    await client.close();
    await ms.close();
  });

  it('routes a request to its pattern and returns the reply', async () => {
    const reply = await requestReply<{ n: number }>(client, `${prefix}.query.echo`, { n: 42 });
    expect(reply).toMatchObject({ ok: true, value: { n: 42 } });
  });

  it('passes an error reply through unchanged', async () => {
    const reply = await requestReply(client, `${prefix}.query.refuse`, {});
    expect(reply).toEqual({ ok: false, error: { code: 'TEST_REFUSED', details: { why: 'test' } } });
  });

  it('turns a thrown DomainError into an error reply with its code', async () => {
    const reply = await requestReply(client, `${prefix}.cmd.throw`, {});
    expect(reply).toEqual({ ok: false, error: { code: 'TEST_THROWN', details: { k: 1 } } });
  });

  it('turns any other failure into INTERNAL without its message', async () => {
    const reply = await requestReply(client, `${prefix}.cmd.crash`, {});
    expect(reply).toEqual({ ok: false, error: { code: PLATFORM_ERRORS.INTERNAL } });
  });

  it('answers SERVICE_UNAVAILABLE when nobody serves the pattern', async () => {
    const reply = await requestReply(client, `${prefix}.query.nobody`, {}, { timeoutMs: 5000 });
    expect(reply).toMatchObject({ ok: false, error: { code: PLATFORM_ERRORS.SERVICE_UNAVAILABLE } });
  });

  it('answers TIMEOUT when the handler never replies', async () => {
    const reply = await requestReply(client, `${prefix}.query.silent`, {}, { timeoutMs: 300 });
    expect(reply).toMatchObject({ ok: false, error: { code: PLATFORM_ERRORS.TIMEOUT } });
  });

  it('carries the trace and the correlation id in headers into the handler', async () => {
    const { reply, traceId } = await withSpan('caller', {}, async () => ({
      traceId: currentTraceContext()?.traceparent.split('-')[1],
      reply: await requestReply<{ headers: Record<string, string>; handlerTrace?: { traceparent: string } }>(
        client,
        `${prefix}.query.echo`,
        { n: 1, correlationId: 'corr-123' },
      ),
    }));
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    if (!reply.ok) throw new Error('expected a reply');
    expect(reply.value.headers[CORRELATION_HEADER]).toBe('corr-123');
    expect(reply.value.headers['traceparent']?.split('-')[1]).toBe(traceId);
    expect(reply.value.handlerTrace?.traceparent.split('-')[1]).toBe(traceId);
  });
});

describe('a NATS replica that stops', () => {
  it('still answers the request it took before stopping, and leaves the queue group first', async () => {
    const prefix = `rpcdrain${randomBytes(4).toString('hex')}`;
    let entered!: () => void;
    const handlerEntered = new Promise<void>((ok) => (entered = ok));
    let open!: () => void;
    const gate = new Promise<void>((ok) => (open = ok));
    @Controller()
    class GatedController {
      @MessagePattern(`${prefix}.query.gated`)
      async gated(): Promise<RpcReply<string>> {
        entered();
        await gate;
        return { ok: true, value: 'answered' };
      }
    }
    @Module({ controllers: [GatedController] })
    class GatedModule {}
    const ms = await NestFactory.createMicroservice(GatedModule, { ...natsServerOptions(defaultNatsUrl(), 'rpc-drain'), logger: false });
    await ms.listen();
    const client = createNatsClientProxy(defaultNatsUrl());
    try {
      const reply = requestReply<string>(client, `${prefix}.query.gated`, { actor: { userId: 'u', role: 'operator' }, correlationId: 'c', payload: {} }, { timeoutMs: 5_000 });
      await handlerEntered;
      const closing = ms.close();
      open();
      expect(await reply).toEqual({ ok: true, value: 'answered' });
      await closing;
      // Gone from the queue group: a new request finds no responder.
      const after = await requestReply<string>(client, `${prefix}.query.gated`, { actor: { userId: 'u', role: 'operator' }, correlationId: 'c', payload: {} }, { timeoutMs: 2_000 });
      expect(after).toMatchObject({ ok: false, error: { code: PLATFORM_ERRORS.SERVICE_UNAVAILABLE } });
    } finally {
      await client.close();
    }
  });
});
