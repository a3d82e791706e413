import { Histogram, type Registry } from 'prom-client';
import { counter } from '@kapocs/platform/observability';

const histogram = (name: string, help: string, labelNames: string[], registry: Registry): Histogram => {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Histogram;
  return new Histogram({ name, help, labelNames, buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300], registers: [registry] });
};

/** Delivery counters and latency; labels are channel and kind codes only, never recipients (no personal data). */
export class NotificationMetrics {
  private readonly m;

  constructor(registry: Registry) {
    const l = ['channel', 'kind'];
    this.m = {
      created: counter('kapocs_notifications_total', 'In-app notifications written', ['kind'], registry),
      delivered: counter('kapocs_notification_deliveries_total', 'Notifications delivered', l, registry),
      failed: counter('kapocs_notification_delivery_failures_total', 'Failed delivery attempts', l, registry),
      dead: counter('kapocs_notification_dead_letters_total', 'Deliveries given up (dead letters), or not sent for want of SMTP', [...l, 'reason'], registry),
      latency: histogram('kapocs_notification_delivery_seconds', 'From the event to the accepted delivery', l, registry),
    };
  }

  notified(kind: string, count = 1): void {
    this.m.created.inc({ kind }, count);
  }

  delivered(channel: string, kind: string, eventAt: Date): void {
    this.m.delivered.inc({ channel, kind });
    this.m.latency.observe({ channel, kind }, Math.max(0, (Date.now() - eventAt.getTime()) / 1000));
  }

  failed(channel: string, kind: string): void {
    this.m.failed.inc({ channel, kind });
  }

  dead(channel: string, kind: string, reason: string): void {
    this.m.dead.inc({ channel, kind, reason });
  }
}
