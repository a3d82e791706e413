import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { TimeoutError, lastValueFrom, timeout } from 'rxjs';
import { type Actor, DomainError, PLATFORM_ERRORS, RPC_CLIENT, type RpcReply, type RpcRequest, isErrorReply } from '@kapocs/shared/kernel';
import { ApiError } from '../errors/api-error.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config.js';

export interface RpcCallOptions {
  /** Why personal data is read (audit "why"). */
  readonly purpose?: string;
  readonly correlationId?: string;
  readonly timeoutMs?: number;
}

/** Only the context leaves in details: subjects are internal. */
const serviceOf = (subject: string): string => subject.slice(0, subject.indexOf('.'));

/** The gateway's only way to reach a service: request-reply with the verified actor (STYLE.md §2.4). */
@Injectable()
export class RpcGateway {
  constructor(
    @Inject(RPC_CLIENT) private readonly client: ClientProxy,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async call<Value = unknown>(subject: string, actor: Actor, payload: unknown, options: RpcCallOptions = {}): Promise<Value> {
    const request: RpcRequest = {
      actor,
      correlationId: options.correlationId ?? randomUUID(),
      payload,
      ...(options.purpose ? { purpose: options.purpose } : {}),
    };
    let reply: RpcReply<Value>;
    try {
      reply = await lastValueFrom(
        this.client.send<RpcReply<Value>, RpcRequest>(subject, request).pipe(timeout({ first: options.timeoutMs ?? this.config.rpcTimeoutMs })),
      );
    } catch (e) {
      throw transportError(e, serviceOf(subject));
    }
    if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') {
      throw new DomainError(PLATFORM_ERRORS.INTERNAL, {}, `Malformed reply on ${subject}`);
    }
    if (reply.ok) return reply.value;
    const { code, details } = reply.error;
    if (Array.isArray(details)) throw new ApiError(code, details);
    throw new DomainError(code, typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {});
  }
}

/** How transports fail: NATS no-responders (Nest's EmptyResponseException), a closed connection, our timeout. */
export function transportError(e: unknown, service: string): DomainError {
  if (e instanceof TimeoutError) return new DomainError(PLATFORM_ERRORS.TIMEOUT, { service });
  if (isErrorReply(e)) return new DomainError(e.code, {}, 'Error reply thrown by the transport');
  const message = e instanceof Error ? e.message : '';
  if (/no subscribers|no responders|empty response|connection|closed|disconnect|ECONNREFUSED/i.test(message)) {
    return new DomainError(PLATFORM_ERRORS.SERVICE_UNAVAILABLE, { service });
  }
  // A handler that threw instead of replying: Nest sends `{status:'error', message}`.
  return new DomainError(PLATFORM_ERRORS.INTERNAL, {}, 'Service failed without an error reply');
}
