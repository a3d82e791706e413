/** The context name: the service name, the subject prefix and the schema of its read models. */
export const DIAGNOSIS_CONTEXT = 'diagnosis';

/** Request-reply subjects served by diagnosis (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const DIAGNOSIS_SUBJECTS = {
  ping: 'diagnosis.query.ping',
} as const;
