import { ClientNats, type CustomStrategy, type MsPattern, type NatsOptions, type ReadPacket, ServerNats, Transport } from '@nestjs/microservices';
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

/**
 * An optional namespace in front of every request subject (`KAPOCS_NATS_SUBJECT_PREFIX`): platforms sharing one NATS
 * — parallel test suites on the developer's server, or two environments — then never answer each other's requests.
 * Unset in a normal deployment: subjects stay `<context>.query.<name>`. Never personal data (an environment name).
 */
export function natsSubjectPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env['KAPOCS_NATS_SUBJECT_PREFIX']?.trim();
  if (!raw) return '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new Error('KAPOCS_NATS_SUBJECT_PREFIX may hold only letters, digits, _ and - (1–64)');
  return `${raw}.`;
}

/** Nest's NATS server with every handler's subject behind the prefix (the handlers' own patterns stay unprefixed). */
class PrefixedServerNats extends ServerNats {
  constructor(
    options: NatsOptions['options'],
    private readonly prefix: string,
  ) {
    super(options ?? {});
  }

  override addHandler(...[pattern, ...rest]: Parameters<ServerNats['addHandler']>): void {
    super.addHandler(typeof pattern === 'string' ? `${this.prefix}${pattern}` : pattern, ...rest);
  }
}

/** Nest's NATS client sending to the prefixed subjects. */
class PrefixedClientNats extends ClientNats {
  constructor(
    options: ConstructorParameters<typeof ClientNats>[0],
    private readonly prefix: string,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return `${this.prefix}${super.normalizePattern(pattern)}`;
  }
}

export function natsServerOptions(url: string, name: string): NatsOptions | CustomStrategy {
  const options = { servers: url, queue: NATS_QUEUE, name, gracefulShutdown: true, gracePeriod: NATS_DRAIN_MS };
  const prefix = natsSubjectPrefix();
  return prefix ? { strategy: new PrefixedServerNats(options, prefix) } : { transport: Transport.NATS, options };
}

/** The gateway's RPC_CLIENT in the distributed mode. */
export function createNatsClientProxy(url: string, name = 'kapocs-rpc-client'): ClientNats {
  const options = { servers: url, name, serializer: new TracingNatsSerializer() };
  const prefix = natsSubjectPrefix();
  return prefix ? new PrefixedClientNats(options, prefix) : new ClientNats(options);
}
