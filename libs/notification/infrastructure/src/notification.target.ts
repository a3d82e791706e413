import { projectionMigrations } from '@kapocs/platform/projections';
import type { ServiceTarget } from '@kapocs/platform/runtime';
import { notificationMigrations } from './notification.migrations.js';
import { NOTIFICATION_SCHEMA, NotificationModule } from './notification.module.js';

/** Notification as a selectable target: its module, the inbox and outbox, and the checkpoint table of its schema. */
export const notificationTarget: ServiceTarget = {
  module: NotificationModule,
  migrations: [{ schema: NOTIFICATION_SCHEMA, migrations: [...projectionMigrations, ...notificationMigrations] }],
};
