import { connect, type NatsConnection } from '@nats-io/transport-node';

/** The real NATS with JetStream of the CI machine; fails loudly when absent. */
export const defaultNatsUrl = (): string => process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

export async function connectTestNats(): Promise<NatsConnection> {
  const url = defaultNatsUrl();
  try {
    return await connect({ servers: url, name: 'kapocs-test', timeout: 3000 });
  } catch (e) {
    throw new Error(`Integration tests need NATS with JetStream at ${url}: ${(e as Error).message}`);
  }
}
