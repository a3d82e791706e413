/** No service subscribes to the pattern (NATS "no responders", or no in-process handler). */
export class NoResponderError extends Error {
  constructor(readonly pattern: string) {
    super(`No responder for ${pattern}`);
    this.name = 'NoResponderError';
  }
}

/** Nest's NATS client reports "no responders" as an empty response; both transports map to NoResponderError. */
export const isNoResponder = (e: unknown): boolean =>
  e instanceof NoResponderError || (e instanceof Error && e.message.startsWith('Empty response. There are no subscribers'));
