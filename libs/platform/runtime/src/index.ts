export {
  loadPlatformConfig,
  parseTargets,
  targetLabel,
  ConfigError,
  type PlatformConfig,
  type ResolvedPlatformConfig,
} from './config.js';
export { bootstrap, type BootstrapOptions, type RunningPlatform } from './bootstrap.js';
export { runMain } from './run-main.js';
export { pickTargets, toServiceTarget, type ServiceTarget, type TargetMap } from './targets.js';
export { PlatformModule, LOGGER, METRICS, type PlatformResources } from './platform.module.js';
export {
  noEventPlatformComponents,
  type PlatformComponents,
  type PlatformDeps,
  type SchemaMigrations,
  type BackgroundWorker,
} from './platform-components.js';
export { READINESS, ReadinessRegistry, type ReadinessCheck, type ReadinessReport } from './readiness.js';
export { pingController, type ServicePing } from './service-shell.js';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded/embedded-postgres.js';
export { loadOrCreateMasterKey } from './embedded/master-key.js';
export { registerPgMetrics } from './pg-metrics.js';
export { InProcessRpcRegistry } from './rpc/in-process.registry.js';
export { InProcessServer, InProcessContext, IN_PROCESS_TRANSPORT } from './rpc/in-process.server.js';
export { InProcessClientProxy } from './rpc/in-process.client.js';
export { createNatsClientProxy, natsServerOptions, natsSubjectPrefix, TracingNatsSerializer, NATS_QUEUE } from './rpc/nats-transport.js';
export { requestReply, DEFAULT_RPC_TIMEOUT_MS, type RpcClient } from './rpc/request-reply.js';
export { NoResponderError, isNoResponder } from './rpc/rpc-errors.js';
export { CORRELATION_HEADER, outgoingRpcHeaders, readRpcHeaders } from './rpc/rpc-headers.js';
export { RpcTracingInterceptor } from './rpc/rpc-tracing.interceptor.js';
export { RpcErrorReplyFilter } from './rpc/domain-error.filter.js';
export { eventPlatformComponents, EVENT_STORE_SCHEMA } from './event-platform.js';
export { SignallingEventStore } from './signalling-event-store.js';
export { eventMetadataFor } from './event-metadata.js';
