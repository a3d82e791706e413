import { authMigrations } from '@kapocs/platform/auth';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { configureGatewayApp } from './configure-gateway-app.js';
import { DEFAULT_GATEWAY_CONFIG } from './gateway.config.js';
import { gatewayMigrations } from './gateway.migrations.js';
import { GatewayModule } from './gateway.module.js';

/** The gateway as a selectable target: its module, its HTTP set-up and the migrations of its two schemas. */
export const gatewayTarget: ServiceTarget = {
  module: GatewayModule,
  configure: configureGatewayApp,
  migrations: [
    { schema: DEFAULT_GATEWAY_CONFIG.schemas.gateway, migrations: gatewayMigrations },
    { schema: DEFAULT_GATEWAY_CONFIG.schemas.auth, migrations: authMigrations },
  ],
};
