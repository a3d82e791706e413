/** The context name: the service name, the subject prefix and the schema of its read models. */
export const INTAKE_CONTEXT = 'intake';

/** Request-reply subjects served by intake (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const INTAKE_SUBJECTS = {
  ping: 'intake.query.ping',
} as const;
