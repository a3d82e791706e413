import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type AlertsQuery, type MatchAlert, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { TailLoop } from '@kapocs/platform/bus';
import { requestReply, type RpcClient } from '@kapocs/platform/runtime';
import { type Actor, type DistrictCode, PLATFORM_ERRORS, type RpcRequest } from '@kapocs/shared/kernel';
import { ALERTS_CHANNEL } from '../notification.migrations.js';
import { userRecipient } from './recipients.js';
import { listenToWake, type WakeListener } from '../listen-wake.js';

/** A name-based UUID: the inbox key of a notification that no event id names (an alert, an escalation). */
export function stableId(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const UNAVAILABLE = new Set<string>([PLATFORM_ERRORS.SERVICE_UNAVAILABLE, PLATFORM_ERRORS.TIMEOUT]);

/** The system's own reads of a district's signal views: as a head of that district (ids and codes only). */
export const systemHead = (district: string): Actor => ({ userId: 'notification-service', role: 'head', district: district as DistrictCode, settlements: [] });

export interface AlertFollowerOptions {
  readonly pool: pg.Pool;
  readonly rpc: RpcClient;
  /** Quoted tables: the inbox, the districts to check, and the view of the signal state (for reference numbers). */
  readonly notifications: string;
  readonly alertChecks: string;
  readonly signalState: string;
  readonly maxEventAgeMs: number;
  readonly onError: (e: unknown) => void;
  readonly onNotified?: (count: number) => void;
}

/**
 * Match alerts (egyezésjelzés) are raised by the signals service — through the linked client, or before linking
 * through identity keys — so this follows them rather than repeating the rules: for each district the projection
 * noted, it asks `signals.query.alerts` once signals has read that checkpoint, and tells each alert's worker (the
 * handler, the case-responsible worker) once per alert. Signallers never hear of alerts.
 */
export class AlertFollower {
  private readonly loop: TailLoop;
  private listener: WakeListener | undefined;

  constructor(private readonly o: AlertFollowerOptions) {
    this.loop = new TailLoop({ step: () => this.step(), maxDelayMs: 1000, onError: o.onError });
  }

  async start(): Promise<void> {
    this.listener = await listenToWake(this.o.pool, ALERTS_CHANNEL, () => this.loop.wake(), this.o.onError);
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.listener?.stop();
    this.listener = undefined;
  }

  private async step(): Promise<boolean> {
    const { rows } = await this.o.pool.query<{ district: string; checkpoint: string }>(`SELECT district, checkpoint FROM ${this.o.alertChecks} LIMIT 20`);
    for (const { district, checkpoint } of rows) {
      // Signals not running (yet): the check stays, and the loop's idle poll tries again without logging each time.
      if (!(await this.follow(district, checkpoint))) return false;
      // A newer checkpoint noted meanwhile stays for the next step.
      await this.o.pool.query(`DELETE FROM ${this.o.alertChecks} WHERE district = $1 AND checkpoint = $2`, [district, checkpoint]);
    }
    return rows.length === 20;
  }

  /** False when signals could not answer now (not running, busy); other errors throw. */
  private async follow(district: string, after: string): Promise<boolean> {
    const request: RpcRequest<AlertsQuery> = { actor: systemHead(district), correlationId: randomUUID(), payload: { district: district as DistrictCode, after } };
    const reply = await requestReply<MatchAlert[]>(this.o.rpc, SIGNALS_SUBJECTS.alerts, request);
    if (!reply.ok) {
      if (UNAVAILABLE.has(reply.error.code)) return false;
      throw new Error(`match alerts of ${district}: ${reply.error.code}`);
    }
    const fresh = reply.value.filter((a) => a.notifyWorkerId && Date.now() - Date.parse(a.raisedAt) <= this.o.maxEventAgeMs);
    if (fresh.length === 0) return true;
    const r = await this.o.pool.query(
      `INSERT INTO ${this.o.notifications} (id, event_id, recipient, kind, district, signal_id, params, created_at)
       SELECT a.id, a.id, a.recipient, 'match_alert', $1, a.signal_id, jsonb_build_object('reference', COALESCE(s.reference, ''), 'matchKind', a.kind), a.raised_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS a(id, recipient, signal_id, kind, raised_at)
         LEFT JOIN ${this.o.signalState} s ON s.signal_id = a.signal_id
       ON CONFLICT (event_id, recipient) DO NOTHING`,
      [
        district,
        fresh.map((a) => stableId(`alert:${a.alertId}`)),
        fresh.map((a) => userRecipient(String(a.notifyWorkerId))),
        fresh.map((a) => a.signalId),
        fresh.map((a) => a.kind),
        fresh.map((a) => a.raisedAt),
      ],
    );
    this.o.onNotified?.(r.rowCount ?? 0);
    return true;
  }
}
