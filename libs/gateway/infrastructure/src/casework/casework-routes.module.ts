import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditLog } from '@kapocs/platform/auth';
import { PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, type GatewayConfig, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { CaseReadsController } from './case-reads.controller.js';
import { CasesController } from './cases.controller.js';

/**
 * The casework routes. Guard and interceptors are global (GatewayModule); RpcGateway and AuditLog are built here from
 * the runtime's global tokens, as importing GatewayModule back would be a cycle.
 */
@Module({
  controllers: [CasesController, CaseReadsController],
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] },
    { provide: AuditLog, useFactory: (p: Pool, c: GatewayConfig) => new AuditLog(p, c.schemas.auth), inject: [PG_POOL, GATEWAY_CONFIG] },
    RpcGateway,
  ],
})
export class CaseworkRoutesModule {}
