/** The context name: the service name, the subject prefix and the schema of its read models. */
export const STATISTICS_CONTEXT = 'statistics';

/** Request-reply subjects served by statistics (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const STATISTICS_SUBJECTS = {
  ping: 'statistics.query.ping',
} as const;
