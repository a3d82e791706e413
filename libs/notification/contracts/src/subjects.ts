/** The context name: the service name, the subject prefix and the schema of its read models. */
export const NOTIFICATION_CONTEXT = 'notification';

/** Request-reply subjects served by notification (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const NOTIFICATION_SUBJECTS = {
  ping: 'notification.query.ping',
  /** The caller's in-app notifications. */
  list: 'notification.query.list',
  /** Mark one (or all) of the caller's notifications read. */
  read: 'notification.cmd.read',
  /** Operator: e-mails given up (dead letters) or never sent for want of SMTP. */
  deadLetters: 'notification.query.dead-letters',
  /** Operator: queue a dead letter again. */
  retry: 'notification.cmd.retry',
} as const;
