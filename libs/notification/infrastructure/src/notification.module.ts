import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { NOTIFICATION_CONTEXT, NOTIFICATION_SUBJECTS } from '@kapocs/notification/contracts';
import type { EventBus } from '@kapocs/platform/bus';
import type { EventStore } from '@kapocs/platform/event-store';
import type { Logger, Registry } from '@kapocs/platform/observability';
import { quoteIdent } from '@kapocs/platform/postgres';
import { ProjectionRunner } from '@kapocs/platform/projections';
import { EVENT_STORE_SCHEMA, LOGGER, METRICS, pingController, type PlatformConfig, READINESS, type ReadinessRegistry, type RpcClient } from '@kapocs/platform/runtime';
import { EVENT_BUS, EVENT_STORE, PG_POOL, PLATFORM_CONFIG, RPC_CLIENT } from '@kapocs/shared/kernel';
import { OutboxDispatcher } from './delivery/dispatcher.js';
import { smtpMailer } from './delivery/mailer.js';
import { NotificationMetrics } from './delivery/notification-metrics.js';
import { AlertFollower } from './inbox/alert-follower.js';
import { EscalationScanner } from './inbox/escalation-scanner.js';
import { NotificationQueries } from './inbox/notification.queries.js';
import { notifyProjection } from './inbox/notify.projection.js';
import { type NotificationConfig, notificationConfigOf } from './notification.config.js';
import { NotificationController } from './notification.controller.js';
import { ALERT_FOLLOWER, ESCALATION_SCANNER, NOTIFICATION_CONFIG, NOTIFICATION_METRICS, NOTIFICATION_QUERIES, NOTIFY_RUNNER, OUTBOX_DISPATCHER } from './notification.tokens.js';

/** The inbox, the outbox and the notification state live in the service's own schema (DESIGN.md §4). */
export const NOTIFICATION_SCHEMA = NOTIFICATION_CONTEXT;
const table = (name: string): string => `${quoteIdent(NOTIFICATION_SCHEMA)}.${name}`;
const TABLES = { notifications: table('notifications'), deliveries: table('deliveries') };

// Error name and code only: messages of database and SMTP errors can quote row values or addresses.
const errorLog = (log: Logger, what: string) => (e: unknown) =>
  log.error({ err: e instanceof Error ? e.name : 'unknown', code: (e as { code?: string }).code }, what);

/** The notification service: one module, started alone (`apps/notification`) or under `all` (ADR-0010). */
@Module({
  controllers: [pingController(NOTIFICATION_CONTEXT, NOTIFICATION_SUBJECTS.ping), NotificationController],
  providers: [
    { provide: NOTIFICATION_CONFIG, useFactory: (c: PlatformConfig) => notificationConfigOf(c), inject: [PLATFORM_CONFIG] },
    { provide: NOTIFICATION_METRICS, useFactory: (r: Registry) => new NotificationMetrics(r), inject: [METRICS] },
    { provide: NOTIFICATION_QUERIES, useFactory: (pool: Pool) => new NotificationQueries(pool, TABLES), inject: [PG_POOL] },
    {
      provide: NOTIFY_RUNNER,
      useFactory: (pool: Pool, store: EventStore, bus: EventBus, registry: Registry, log: Logger, config: NotificationConfig, metrics: NotificationMetrics) =>
        new ProjectionRunner({
          pool,
          schema: NOTIFICATION_SCHEMA,
          store,
          bus,
          eventStoreSchema: EVENT_STORE_SCHEMA,
          registry,
          projection: notifyProjection({ ...TABLES, alertChecks: table('alert_checks'), maxEventAgeMs: config.maxEventAgeMs, onNotified: (intents) => intents.forEach((i) => metrics.notified(i.kind)) }),
          onError: errorLog(log, 'notification projection step failed'),
        }),
      inject: [PG_POOL, EVENT_STORE, EVENT_BUS, METRICS, LOGGER, NOTIFICATION_CONFIG, NOTIFICATION_METRICS],
    },
    {
      provide: OUTBOX_DISPATCHER,
      useFactory: (pool: Pool, store: EventStore, log: Logger, config: NotificationConfig, metrics: NotificationMetrics) =>
        new OutboxDispatcher({
          pool,
          deliveries: TABLES.deliveries,
          store,
          mailer: config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined,
          config,
          metrics,
          onError: errorLog(log, 'notification delivery step failed'),
        }),
      inject: [PG_POOL, EVENT_STORE, LOGGER, NOTIFICATION_CONFIG, NOTIFICATION_METRICS],
    },
    {
      provide: ESCALATION_SCANNER,
      useFactory: (pool: Pool, rpc: RpcClient, log: Logger, config: NotificationConfig, metrics: NotificationMetrics) =>
        new EscalationScanner({
          pool,
          rpc,
          notifications: TABLES.notifications,
          signalState: table('signal_state'),
          intervalMs: config.escalationScanMs,
          onError: errorLog(log, 'escalation scan failed'),
          onNotified: (n) => metrics.notified('signal_escalated', n),
        }),
      inject: [PG_POOL, RPC_CLIENT, LOGGER, NOTIFICATION_CONFIG, NOTIFICATION_METRICS],
    },
    {
      provide: ALERT_FOLLOWER,
      useFactory: (pool: Pool, rpc: RpcClient, log: Logger, config: NotificationConfig, metrics: NotificationMetrics) =>
        new AlertFollower({
          pool,
          rpc,
          notifications: TABLES.notifications,
          alertChecks: table('alert_checks'),
          signalState: table('signal_state'),
          maxEventAgeMs: config.maxEventAgeMs,
          onError: errorLog(log, 'match alert follow-up failed'),
          onNotified: (n) => metrics.notified('match_alert', n),
        }),
      inject: [PG_POOL, RPC_CLIENT, LOGGER, NOTIFICATION_CONFIG, NOTIFICATION_METRICS],
    },
  ],
})
export class NotificationModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(NOTIFY_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(OUTBOX_DISPATCHER) private readonly dispatcher: OutboxDispatcher,
    @Inject(ESCALATION_SCANNER) private readonly escalations: EscalationScanner,
    @Inject(ALERT_FOLLOWER) private readonly alerts: AlertFollower,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    await this.dispatcher.start();
    await this.alerts.start();
    this.escalations.start();
    this.readiness.register(NOTIFICATION_CONTEXT, () => {
      const status = this.runner.status();
      return status.state === 'live' || !status.leader;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.escalations.stop();
    await this.alerts.stop();
    await this.dispatcher.stop();
    await this.runner.stop();
  }
}
