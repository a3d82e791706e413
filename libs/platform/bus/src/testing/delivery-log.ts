import type { Delivery } from '../event-bus.port.js';

/**
 * Records deliveries and lets a test await a condition on them without sleeping: every delivery re-checks the
 * pending conditions; a deadline turns a missing delivery into a failure instead of a hang.
 */
export class DeliveryLog {
  readonly deliveries: Delivery[] = [];
  private readonly waiters = new Set<() => void>();

  readonly handler = async (delivery: Delivery): Promise<void> => {
    this.deliveries.push(delivery);
    for (const check of [...this.waiters]) check();
  };

  ids(): string[] {
    return this.deliveries.map((d) => d.id);
  }

  until(condition: (deliveries: readonly Delivery[]) => boolean, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`DeliveryLog condition not met within ${timeoutMs} ms; got ${this.ids().join(',')}`));
      }, timeoutMs);
      const check = (): void => {
        if (!condition(this.deliveries)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  untilId(id: string, timeoutMs?: number): Promise<void> {
    return this.until((ds) => ds.some((d) => d.id === id), timeoutMs);
  }
}
