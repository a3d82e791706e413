/** The context name: the service name, the subject prefix and the schema of its read models. */
export const SIGNALS_CONTEXT = 'signals';

/** Request-reply subjects served by signals (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const SIGNALS_SUBJECTS = {
  ping: 'signals.query.ping',
} as const;
