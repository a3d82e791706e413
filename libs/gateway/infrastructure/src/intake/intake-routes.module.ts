import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { IntakeClientsController } from './intake-clients.controller.js';
import { IntakeContactsController } from './intake-contacts.controller.js';

/**
 * The intake command routes. Guard and interceptors are global (GatewayModule); RpcGateway is stateless, so this
 * module builds its own from the global platform tokens rather than importing GatewayModule back (a cycle).
 */
@Module({
  controllers: [IntakeClientsController, IntakeContactsController],
  providers: [{ provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] }, RpcGateway],
})
export class IntakeRoutesModule {}
