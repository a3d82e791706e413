import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type Queue, type QueueQuery, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { requestReply, type RpcClient } from '@kapocs/platform/runtime';
import type { DistrictCode, RpcRequest } from '@kapocs/shared/kernel';
import { stableId, systemHead } from './alert-follower.js';
import { headsRecipient } from './recipients.js';

export interface EscalationScannerOptions {
  readonly pool: pg.Pool;
  readonly rpc: RpcClient;
  /** Quoted table of the in-app notifications and the view of the signal state. */
  readonly notifications: string;
  readonly signalState: string;
  readonly intervalMs: number;
  readonly onError: (e: unknown) => void;
  readonly onNotified?: (count: number) => void;
}

/** A stable id per (signal, missed deadline): the inbox key makes every scan after the first a no-op. */
export const escalationId = (signalId: string, dueOn: string): string => stableId(`escalated:${signalId}:${dueOn}`);

/**
 * Overdue signals escalate to the head. The deadline rules are the signals service's (versioned configuration,
 * ADR-0008), so this asks its queue, as a head of each district with open signals, which ones are escalated, and
 * addresses each to the district's heads once per missed deadline. Day-granular rules need no faster scan.
 */
export class EscalationScanner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: EscalationScannerOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.scan().catch(this.o.onError);
    }, this.o.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; `today` and `districts` narrow it (tests). Resolves with the notifications written. */
  async scan(options: { today?: string; districts?: readonly string[] } = {}): Promise<number> {
    const districts = options.districts ?? (await this.o.pool.query<{ district: string }>(`SELECT DISTINCT district FROM ${this.o.signalState} WHERE status <> 'closed'`)).rows.map((r) => r.district);
    let written = 0;
    for (const district of districts) {
      const request: RpcRequest<QueueQuery> = { actor: systemHead(district), correlationId: randomUUID(), payload: { district: district as DistrictCode, ...(options.today ? { today: options.today } : {}) } };
      const reply = await requestReply<Queue>(this.o.rpc, SIGNALS_SUBJECTS.queue, request);
      if (!reply.ok) throw new Error(`signal queue of ${district}: ${reply.error.code}`);
      for (const item of reply.value.items) {
        if (!item.escalated || !item.dueOn) continue;
        const r = await this.o.pool.query(
          `INSERT INTO ${this.o.notifications} (id, event_id, recipient, kind, district, signal_id, params, created_at) VALUES ($1, $1, $2, 'signal_escalated', $3, $4, $5, now())
           ON CONFLICT (event_id, recipient) DO NOTHING`,
          [escalationId(item.signalId, item.dueOn), headsRecipient(district), district, item.signalId, { reference: item.reference }],
        );
        written += r.rowCount ?? 0;
      }
    }
    this.o.onNotified?.(written);
    return written;
  }
}
