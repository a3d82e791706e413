import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { PLATFORM_ERRORS, type RpcReply } from '@kapocs/shared/kernel';
import { isNoResponder } from './rpc-errors.js';

export const DEFAULT_RPC_TIMEOUT_MS = 10_000;

/** What callers need of RPC_CLIENT: ClientNats or InProcessClientProxy (their status types differ, hence no base). */
export type RpcClient = Pick<ClientProxy, 'send' | 'emit' | 'connect' | 'close'>;

/**
 * One request-reply round trip that never throws: transport failures come back as error replies with stable codes
 * (SERVICE_UNAVAILABLE when nobody serves the pattern, TIMEOUT, INTERNAL when the handler failed), so the gateway maps
 * every outcome through its one code → status table.
 */
export async function requestReply<Value>(
  client: RpcClient,
  pattern: string,
  request: unknown,
  options: { timeoutMs?: number } = {},
): Promise<RpcReply<Value>> {
  try {
    const reply = await firstValueFrom(
      client.send<RpcReply<Value>>(pattern, request).pipe(timeout(options.timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS)),
    );
    return reply;
  } catch (e) {
    if (e instanceof TimeoutError) return { ok: false, error: { code: PLATFORM_ERRORS.TIMEOUT, details: { pattern } } };
    if (isNoResponder(e)) return { ok: false, error: { code: PLATFORM_ERRORS.SERVICE_UNAVAILABLE, details: { pattern } } };
    return { ok: false, error: { code: PLATFORM_ERRORS.INTERNAL, details: { pattern } } };
  }
}
