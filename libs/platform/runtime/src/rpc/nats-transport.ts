import { ClientNats, Transport, type NatsOptions, type ReadPacket } from '@nestjs/microservices';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import { outgoingRpcHeaders } from './rpc-headers.js';

/**
 * Nest's NATS record serialiser plus our headers: the trace context and correlation id travel as NATS message
 * headers, never in the subject, which holds only `<context>.query.<name>` (no personal data).
 */
export class TracingNatsSerializer {
  serialize(packet: ReadPacket & { id?: string }): { data: string; headers: MsgHdrs } {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(outgoingRpcHeaders(packet.data))) h.set(k, v);
    return { data: JSON.stringify(packet), headers: h };
  }
}

/** Queue group shared by every replica of every service: one replica answers each request. */
export const NATS_QUEUE = 'kapocs';

/**
 * How long a stopping replica keeps its connection after leaving the queue group: requests it already took get their
 * reply, new ones go to the other replicas (a rolling update or a scale-down drops nothing).
 */
export const NATS_DRAIN_MS = 1_000;

export function natsServerOptions(url: string, name: string): NatsOptions {
  return {
    transport: Transport.NATS,
    options: { servers: url, queue: NATS_QUEUE, name, gracefulShutdown: true, gracePeriod: NATS_DRAIN_MS },
  };
}

/** The gateway's RPC_CLIENT in the distributed mode. */
export function createNatsClientProxy(url: string, name = 'kapocs-rpc-client'): ClientNats {
  return new ClientNats({ servers: url, name, serializer: new TracingNatsSerializer() });
}
