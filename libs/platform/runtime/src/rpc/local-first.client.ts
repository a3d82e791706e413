import type { ClientProxy, MsPattern } from '@nestjs/microservices';
import type { Observable } from 'rxjs';
import { InProcessClientProxy } from './in-process.client.js';
import type { InProcessRpcRegistry } from './in-process.registry.js';
import type { RpcClient } from './request-reply.js';

const patternOf = (pattern: unknown): string => (typeof pattern === 'string' ? pattern : JSON.stringify(pattern));

/**
 * RPC_CLIENT of a process that talks NATS and also serves handlers itself (ADR-0011): a request whose pattern a
 * service of this very process serves is handed to that handler in process — through the same Nest server pipeline
 * (tracing interceptor, error filter, pipes), with the same JSON copies and headers as the in-process transport — and
 * everything else goes over NATS. Under `all` the gateway's requests then never leave the process; other processes
 * (a gateway pod, a CLI) still reach this process's handlers through the NATS queue group.
 */
export class LocalFirstClientProxy implements RpcClient {
  private readonly local: InProcessClientProxy;

  constructor(
    private readonly registry: InProcessRpcRegistry,
    private readonly remote: RpcClient & Pick<ClientProxy, 'unwrap'>,
  ) {
    this.local = new InProcessClientProxy(registry);
  }

  private route(pattern: unknown): RpcClient {
    return this.registry.resolve(patternOf(pattern)) ? this.local : this.remote;
  }

  send<TResult = unknown, TInput = unknown>(pattern: MsPattern, data: TInput): Observable<TResult> {
    return this.route(pattern).send<TResult, TInput>(pattern, data);
  }

  emit<TResult = unknown, TInput = unknown>(pattern: MsPattern, data: TInput): Observable<TResult> {
    return this.route(pattern).emit<TResult, TInput>(pattern, data);
  }

  async connect(): Promise<unknown> {
    return this.remote.connect();
  }

  async close(): Promise<unknown> {
    await this.local.close();
    return this.remote.close();
  }

  /** The NATS client underneath (health checks and tests reach the transport through it). */
  unwrap<T>(): T {
    return this.remote.unwrap<T>();
  }
}
