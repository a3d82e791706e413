import type { INestApplication } from '@nestjs/common';
import type { CustomStrategy, NatsOptions, NestMicroservice } from '@nestjs/microservices';
import type { Logger } from '@kapocs/platform/observability';
import { RpcErrorReplyFilter } from './domain-error.filter.js';
import { RpcTracingInterceptor } from './rpc-tracing.interceptor.js';

/**
 * Connects the request-reply server of the process with our RPC-only enhancers (trace continuation, errors as
 * replies). Nest binds global enhancers when it registers the listeners, which `connectMicroservice` does at once, so
 * we defer that, add the enhancers, then do the same three steps it would have done. The enhancers stay off the HTTP
 * side, where the gateway has its own error mapping.
 */
export function connectRpcServer(app: INestApplication, options: NatsOptions | CustomStrategy, log: Logger): void {
  const ms = app.connectMicroservice(options, { deferInitialization: true }) as unknown as NestMicroservice;
  ms.useGlobalInterceptors(new RpcTracingInterceptor());
  ms.useGlobalFilters(new RpcErrorReplyFilter(log));
  ms.registerListeners();
  ms.setIsInitialized(true);
  ms.setIsInitHookCalled(true);
}
