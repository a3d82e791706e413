import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { PortalController } from './portal.controller.js';
import { SignalMembersController } from './signal-members.controller.js';
import { StaffSignalsController } from './staff-signals.controller.js';

/**
 * The signal-system routes (member register, portal, staff queue and triage). Guard and interceptors are global
 * (GatewayModule); RpcGateway is built here from the runtime's global tokens, as importing GatewayModule back would
 * be a cycle.
 */
@Module({
  controllers: [SignalMembersController, PortalController, StaffSignalsController],
  providers: [{ provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] }, RpcGateway],
})
export class SignalsRoutesModule {}
