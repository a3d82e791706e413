import type { WritePacket } from '@nestjs/microservices';

/** What the in-process client needs from a server: hand it a request, get replies back. */
export interface InProcessResponder {
  handle(pattern: string, packet: { id: string; data: unknown }, headers: Record<string, string>, respond: (p: WritePacket) => void): void;
}

/**
 * The in-process "subject space" shared by the in-process server and client of one process (or of one test): the
 * in-memory stand-in for NATS subjects. One instance per PlatformModule, never module-level state.
 */
export class InProcessRpcRegistry {
  private readonly routes = new Map<string, InProcessResponder>();

  register(pattern: string, responder: InProcessResponder): void {
    // Under `all` two services claiming one pattern is a bug (STYLE.md §2.3): fail at start, not at random.
    const existing = this.routes.get(pattern);
    if (existing && existing !== responder) throw new Error(`Pattern ${pattern} is already served in this process`);
    this.routes.set(pattern, responder);
  }

  unregister(responder: InProcessResponder): void {
    for (const [pattern, r] of this.routes) if (r === responder) this.routes.delete(pattern);
  }

  resolve(pattern: string): InProcessResponder | undefined {
    return this.routes.get(pattern);
  }
}
