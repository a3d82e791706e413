import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_BUS, EVENT_STORE, PG_POOL, PLATFORM_CONFIG, RPC_CLIENT } from '@kapocs/shared/kernel';
import type { Logger, Registry } from '@kapocs/platform/observability';
import type { ResolvedPlatformConfig } from './config.js';
import { READINESS, type ReadinessRegistry } from './readiness.js';
import type { RpcClient } from './rpc/request-reply.js';

/** DI token of the process's pino logger. */
export const LOGGER = 'KAPOCS_LOGGER';
/** DI token of the process's prom-client Registry (served at `/metrics`). */
export const METRICS = 'KAPOCS_METRICS';

export interface PlatformResources {
  readonly pool: Pool;
  readonly eventStore: unknown;
  readonly eventBus: unknown;
  readonly rpcClient: RpcClient;
  readonly readiness: ReadinessRegistry;
  readonly log: Logger;
  readonly metrics: Registry;
}

/**
 * The shared modules of Loki's module manager: created once per process by `bootstrap()`, global, so every
 * selected service module injects them by token and never calls `forRoot` itself (STYLE.md §2.4).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ResolvedPlatformConfig, resources: PlatformResources): DynamicModule {
    const providers = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: PG_POOL, useValue: resources.pool },
      { provide: EVENT_STORE, useValue: resources.eventStore },
      { provide: EVENT_BUS, useValue: resources.eventBus },
      { provide: RPC_CLIENT, useValue: resources.rpcClient },
      { provide: READINESS, useValue: resources.readiness },
      { provide: LOGGER, useValue: resources.log },
      { provide: METRICS, useValue: resources.metrics },
    ];
    return { module: PlatformModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
