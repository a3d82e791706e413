import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Pool } from 'pg';
import { PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import {
  AccessGuard,
  AuditLog,
  AuditReadInterceptor,
  DevIssuer,
  TOKEN_VERIFIER,
  remoteTokenVerifier,
} from '@kapocs/platform/auth';
import { ConcurrencyInterceptor } from './concurrency/concurrency.interceptor.js';
import { CaseworkRoutesModule } from './casework/casework-routes.module.js';
import { AccessConformanceController } from './conformance/access-conformance.controller.js';
import { DEV_ISSUER, DevIssuerController } from './controllers/dev-issuer.controller.js';
import { PlatformController } from './controllers/platform.controller.js';
import { GATEWAY_CONFIG, type GatewayConfig, gatewayConfigFromPlatform } from './gateway.config.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyPurger, IdempotencyStore } from './idempotency/idempotency.store.js';
import { IntakeRoutesModule } from './intake/intake-routes.module.js';
import { READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';
import { RecordsRoutesModule } from './records/records-routes.module.js';
import { ReferenceRoutesModule } from './reference/reference-routes.module.js';
import { RpcGateway } from './rpc/rpc-gateway.js';
import { SignalsRoutesModule } from './signals/signals-routes.module.js';
import { NotificationRoutesModule } from './notification/notification-routes.module.js';

/**
 * The HTTP edge (DESIGN.md §2). Uses only what the runtime provides (PG_POOL, RPC_CLIENT, PLATFORM_CONFIG) and calls
 * no platform forRoot. Guard and interceptors are global: a route is authenticated, authorised and audited unless it
 * says otherwise (ADR-0004). Interceptor order: concurrency (outermost, so replays get their ETag), idempotency, audit.
 */
@Module({
  imports: [RecordsRoutesModule, IntakeRoutesModule, CaseworkRoutesModule, SignalsRoutesModule, NotificationRoutesModule, ReferenceRoutesModule],
  controllers: [DevIssuerController, PlatformController, AccessConformanceController],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] },
    {
      provide: DEV_ISSUER,
      useFactory: (c: GatewayConfig) => (c.auth.devIssuer ? DevIssuer.create(c.auth) : null),
      inject: [GATEWAY_CONFIG],
    },
    {
      provide: TOKEN_VERIFIER,
      useFactory: (c: GatewayConfig, dev: DevIssuer | null) => (dev ? dev.verifier() : remoteTokenVerifier(c.auth)),
      inject: [GATEWAY_CONFIG, DEV_ISSUER],
    },
    { provide: AuditLog, useFactory: (p: Pool, c: GatewayConfig) => new AuditLog(p, c.schemas.auth), inject: [PG_POOL, GATEWAY_CONFIG] },
    {
      provide: IdempotencyStore,
      useFactory: (p: Pool, c: GatewayConfig) => new IdempotencyStore(p, c.schemas.gateway),
      inject: [PG_POOL, GATEWAY_CONFIG],
    },
    RpcGateway,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ConcurrencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditReadInterceptor },
  ],
  exports: [GATEWAY_CONFIG],
})
export class GatewayModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly purger: IdempotencyPurger;

  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(IdempotencyStore) idempotency: IdempotencyStore,
  ) {
    const log = new Logger('GatewayModule');
    this.purger = new IdempotencyPurger(idempotency, undefined, (e) => log.warn(`idempotency purge failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  // The token verifier and the stores are built by their factories before this runs: the edge is ready to serve.
  onModuleInit(): void {
    this.readiness.register('gateway', () => true);
  }

  onApplicationBootstrap(): void {
    void this.purger.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.purger.stop();
  }
}
