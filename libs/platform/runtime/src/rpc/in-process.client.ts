import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { InProcessRpcRegistry } from './in-process.registry.js';
import { NoResponderError } from './rpc-errors.js';
import { jsonCopy } from './json-copy.js';
import { outgoingRpcHeaders } from './rpc-headers.js';

// Requests and replies cross a JSON boundary as on NATS, so no object is shared between caller and handler.
const copy = jsonCopy;

/** A ClientProxy that reaches the InProcessServer handlers of the same registry, with NATS's behaviour. */
export class InProcessClientProxy extends ClientProxy {
  constructor(private readonly registry: InProcessRpcRegistry) {
    super();
  }

  async connect(): Promise<void> {
    // Nothing to connect: the registry lives in this process.
  }

  async close(): Promise<void> {
    // Nothing to release.
  }

  unwrap<T>(): T {
    return this.registry as T;
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const pattern = this.normalizePattern(packet.pattern);
    let active = true;
    const deliver = (p: WritePacket) => {
      if (active) callback(p.err instanceof Error ? p : copy(p));
    };
    const responder = this.registry.resolve(pattern);
    if (!responder) {
      queueMicrotask(() => deliver({ err: new NoResponderError(pattern), isDisposed: true }));
    } else {
      const headers = outgoingRpcHeaders(packet.data);
      const data = copy(packet.data);
      queueMicrotask(() => responder.handle(pattern, { id: packet.id, data }, headers, deliver));
    }
    return () => {
      active = false;
    };
  }

  protected async dispatchEvent<T>(packet: ReadPacket): Promise<T> {
    const pattern = this.normalizePattern(packet.pattern);
    const headers = outgoingRpcHeaders(packet.data);
    this.registry.resolve(pattern)?.handle(pattern, { id: '', data: copy(packet.data) }, headers, () => undefined);
    return undefined as T;
  }
}
