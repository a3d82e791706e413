export { GatewayModule } from './gateway.module.js';
export { RecordsRoutesModule } from './records/records-routes.module.js';
export { configureGatewayApp, API_PREFIX, UNPREFIXED_ROUTES } from './configure-gateway-app.js';
export {
  type GatewayConfig,
  type GatewayConfigInput,
  GATEWAY_CONFIG,
  DEFAULT_GATEWAY_CONFIG,
  resolveGatewayConfig,
  gatewayConfigFromEnv,
  gatewayConfigFromPlatform,
} from './gateway.config.js';
export { gatewayMigrations } from './gateway.migrations.js';
export { gatewayTarget } from './gateway.target.js';
export { authMigrations, type AuthConfig } from '@kapocs/platform/auth';
export { RpcGateway, type RpcCallOptions } from './rpc/rpc-gateway.js';
export { ApiError } from './errors/api-error.js';
export { type ErrorBody, renderError, pickLanguage } from './errors/error-body.js';
export { RequireIfMatch, VersionedResource, ExpectedVersion, etagOf } from './concurrency/if-match.js';
export { CorrelationId } from './http/correlation.js';
export { CONFORMANCE_SUBJECTS } from './conformance/conformance.contract.js';
export { IntakeRoutesModule } from './intake/intake-routes.module.js';
export { CaseworkRoutesModule } from './casework/casework-routes.module.js';
export { SignalsRoutesModule } from './signals/signals-routes.module.js';
export { ProofOfWork, type Challenge, deriveChallengeKey, leadingZeroBits, solve } from './signals/public/proof-of-work.js';
