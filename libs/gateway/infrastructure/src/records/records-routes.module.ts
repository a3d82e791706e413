import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditLog } from '@kapocs/platform/auth';
import { PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, type GatewayConfig, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { RecordsExportController } from './records-export.controller.js';
import { RecordsController } from './records.controller.js';

/**
 * The records routes (register search, client file, forgalmi napló, exports). Imported by GatewayModule; it builds
 * its own RpcGateway and AuditLog from the runtime's global tokens, as importing GatewayModule back would be a cycle.
 * The global guard and interceptors of GatewayModule apply to these routes too.
 */
@Module({
  controllers: [RecordsController, RecordsExportController],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] },
    { provide: AuditLog, useFactory: (p: Pool, c: GatewayConfig) => new AuditLog(p, c.schemas.auth), inject: [PG_POOL, GATEWAY_CONFIG] },
    RpcGateway,
  ],
})
export class RecordsRoutesModule {}
