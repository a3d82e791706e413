import { type Checkpoint, compareCheckpoints } from '@kapocs/platform/event-store';

interface Waiter {
  readonly checkpoint: Checkpoint;
  resolve(): void;
  reject(error: Error): void;
}

/** Promises resolved by the runner's loop when its checkpoint passes theirs; a deadline turns a stall into an error. */
export class CheckpointWaiters {
  private readonly waiters = new Set<Waiter>();

  add(checkpoint: Checkpoint, timeoutMs: number, name: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Projection ${name} did not reach the checkpoint within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        checkpoint,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  reached(checkpoint: Checkpoint): void {
    for (const w of this.waiters) {
      if (compareCheckpoints(checkpoint, w.checkpoint) < 0) continue;
      this.waiters.delete(w);
      w.resolve();
    }
  }

  rejectAll(error: Error): void {
    for (const w of this.waiters) w.reject(error);
    this.waiters.clear();
  }
}
