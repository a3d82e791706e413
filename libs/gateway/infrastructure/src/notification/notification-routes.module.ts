import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { GATEWAY_CONFIG, gatewayConfigFromPlatform } from '../gateway.config.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { DeadLettersController, NotificationsController } from './notifications.controller.js';

/** In-app notifications and the operator's dead letters (guard and interceptors are global, as for signals). */
@Module({
  controllers: [NotificationsController, DeadLettersController],
  providers: [{ provide: GATEWAY_CONFIG, useFactory: gatewayConfigFromPlatform, inject: [PLATFORM_CONFIG] }, RpcGateway],
})
export class NotificationRoutesModule {}
