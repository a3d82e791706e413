import { Controller, type DynamicModule, Get, type INestApplication, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientsModule, Transport } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { PG_POOL, PLATFORM_CONFIG, RPC_CLIENT } from '@kapocs/shared/kernel';
import { authMigrations } from '@kapocs/platform/auth';
import { runMigrations } from '@kapocs/platform/postgres';
import { READINESS, ReadinessRegistry } from '@kapocs/platform/runtime';
import { type TestDatabase, createTestDatabase, defaultNatsUrl } from '@kapocs/platform/testing';
import { configureGatewayApp } from '../configure-gateway-app.js';
import type { GatewayConfigInput } from '../gateway.config.js';
import { gatewayMigrations } from '../gateway.migrations.js';
import { GatewayModule } from '../gateway.module.js';
import { ConformanceResponderModule, ResponderState } from './conformance-responder.js';

/** Stands in for the runtime's health controller, to prove the unprefixed paths. */
@Controller('health')
class FakeHealthController {
  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

/** What PlatformModule provides, reduced to the tokens the gateway uses. */
@Module({})
class TestPlatformModule {
  static with(db: TestDatabase, gateway: GatewayConfigInput): DynamicModule {
    return {
      module: TestPlatformModule,
      global: true,
      imports: [ClientsModule.register([{ name: RPC_CLIENT, transport: Transport.NATS, options: { servers: [defaultNatsUrl()] } }])],
      providers: [
        { provide: PG_POOL, useValue: db.pool },
        { provide: PLATFORM_CONFIG, useValue: { gateway } },
        { provide: READINESS, useValue: new ReadinessRegistry() },
      ],
      exports: [PG_POOL, PLATFORM_CONFIG, READINESS, ClientsModule],
    };
  }
}

export interface GatewayHarness {
  readonly url: string;
  readonly app: INestApplication;
  readonly state: ResponderState;
  readonly db: TestDatabase;
  close(): Promise<void>;
}

/** Gateway + a tiny service on the real NATS and PostgreSQL, as the runtime would compose them. */
export async function startGatewayHarness(overrides: GatewayConfigInput = {}): Promise<GatewayHarness> {
  const db = await createTestDatabase('gw');
  await runMigrations(db.pool, db.schema, gatewayMigrations);
  await runMigrations(db.pool, db.schema, authMigrations);
  const state = new ResponderState();
  const service: INestMicroservice = await NestFactory.createMicroservice(ConformanceResponderModule.with(state), {
    transport: Transport.NATS,
    options: { servers: [defaultNatsUrl()] },
    logger: false,
  });
  await service.listen();
  // The server has our subscriptions once a round trip after them completes.
  await service.unwrap<NatsConnection>().flush();

  const config: GatewayConfigInput = {
    auth: { devIssuer: true, issuer: 'urn:kapocs:test', audience: 'kapocs-test' },
    bodyLimit: '16kb',
    schemas: { gateway: db.schema, auth: db.schema },
    ...overrides,
  };
  @Module({ imports: [TestPlatformModule.with(db, config), GatewayModule], controllers: [FakeHealthController] })
  class RootModule {}
  const app = await NestFactory.create(RootModule, { logger: false });
  configureGatewayApp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    app,
    state,
    db,
    async close() {
      state.releaseAll();
      await app.close();
      await service.close();
      await db.drop();
    },
  };
}
