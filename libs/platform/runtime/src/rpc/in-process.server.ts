import { BaseRpcContext, Server, type CustomTransportStrategy, type WritePacket } from '@nestjs/microservices';
import type { InProcessResponder, InProcessRpcRegistry } from './in-process.registry.js';

/** Context of an in-process request: `getHeaders()` as on NatsContext, so handlers do not care about the transport. */
export class InProcessContext extends BaseRpcContext<[string, Record<string, string>]> {
  getSubject(): string {
    return this.args[0];
  }
  getHeaders(): Record<string, string> {
    return this.args[1];
  }
}

export const IN_PROCESS_TRANSPORT = Symbol('kapocs-in-process');

/** The `@MessagePattern` handlers of this process, served from the shared in-memory registry instead of NATS. */
export class InProcessServer extends Server implements CustomTransportStrategy, InProcessResponder {
  override readonly transportId = IN_PROCESS_TRANSPORT;

  constructor(private readonly registry: InProcessRpcRegistry) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        if (!handler.isEventHandler) this.registry.register(pattern, this);
      }
    } catch (e) {
      return callback(e);
    }
    callback();
  }

  close(): void {
    this.registry.unregister(this);
  }

  handle(
    pattern: string,
    packet: { id: string; data: unknown },
    headers: Record<string, string>,
    respond: (p: WritePacket) => void,
  ): void {
    const ctx = new InProcessContext([pattern, headers]);
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) return respond({ err: 'There is no matching message handler defined in the remote service.', isDisposed: true });
    this.handleRequest(ctx, async () => this.transformToObservable(await handler(packet.data, ctx)), (p) => respond(p));
  }

  on(): void {
    // No connection status events: the registry is always "connected".
  }

  unwrap<T>(): T {
    return this.registry as T;
  }
}
