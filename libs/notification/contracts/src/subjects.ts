/** The context name: the service name, the subject prefix and the schema of its read models. */
export const NOTIFICATION_CONTEXT = 'notification';

/** Request-reply subjects served by notification (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const NOTIFICATION_SUBJECTS = {
  ping: 'notification.query.ping',
} as const;
