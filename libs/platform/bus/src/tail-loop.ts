import type { EventBus, Stoppable } from './event-bus.port.js';

/**
 * `true`: more work may be waiting, step again at once. `false`: nothing was there, idle with a growing backoff.
 * `caught-up`: work was done and the head reached: idle, polling from the shortest delay again.
 */
export type TailStep = boolean | 'caught-up';

export interface TailLoopOptions {
  /** One unit of work; see `TailStep`. */
  readonly step: () => Promise<TailStep>;
  /** Signals that wake the loop early (e.g. the bus nudge after a commit). */
  readonly wakeOn?: { readonly bus: Pick<EventBus, 'onSignal'>; readonly topic: string };
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Drives a tailing reader: runs `step` while it reports more work, then idles with a backoff poll (50 ms → 1 s) that
 * a nudge cuts short. Nudges may be lost, so the poll is the safety net (EVENTSTORE.md §7.5).
 */
export class TailLoop implements Stoppable {
  private running = false;
  private woken = false;
  private wakeIdle: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private signalSub: Stoppable | undefined;

  constructor(private readonly options: TailLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const { wakeOn } = this.options;
    if (wakeOn) this.signalSub = wakeOn.bus.onSignal(wakeOn.topic, () => this.wake());
    this.loop = this.run();
  }

  /** Runs the next step without waiting for the poll timer. */
  wake(): void {
    this.woken = true;
    this.wakeIdle?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.signalSub?.stop();
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    const min = this.options.minDelayMs ?? 50;
    const max = this.options.maxDelayMs ?? 1000;
    let delay = min;
    while (this.running) {
      this.woken = false;
      let more: TailStep = false;
      try {
        more = await this.options.step();
      } catch (e) {
        this.options.onError?.(e);
      }
      if (!this.running) break;
      if (more === true) {
        delay = min;
        continue;
      }
      if (more === 'caught-up') delay = min;
      const wasWoken = await this.idle(delay);
      delay = wasWoken ? min : Math.min(delay * 2, max);
    }
  }

  private idle(ms: number): Promise<boolean> {
    if (this.woken) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeIdle = undefined;
        resolve(false);
      }, ms);
      this.wakeIdle = () => {
        clearTimeout(timer);
        this.wakeIdle = undefined;
        resolve(true);
      };
    });
  }
}
