import { authMigrations } from '@kapocs/platform/auth';
import { REFERENCE_SCHEMA, referenceMigrations } from '@kapocs/platform/reference-data';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { configureGatewayApp } from './configure-gateway-app.js';
import { DEFAULT_GATEWAY_CONFIG } from './gateway.config.js';
import { gatewayMigrations } from './gateway.migrations.js';
import { GatewayModule } from './gateway.module.js';

/** The gateway as a selectable target: its module, its HTTP set-up and the migrations of its schemas. */
export const gatewayTarget: ServiceTarget = {
  module: GatewayModule,
  configure: configureGatewayApp,
  migrations: [
    { schema: DEFAULT_GATEWAY_CONFIG.schemas.gateway, migrations: gatewayMigrations },
    { schema: DEFAULT_GATEWAY_CONFIG.schemas.auth, migrations: authMigrations },
    // The operators' code list versions (ADR-0009), written through the gateway's reference routes.
    { schema: REFERENCE_SCHEMA, migrations: referenceMigrations },
  ],
};
