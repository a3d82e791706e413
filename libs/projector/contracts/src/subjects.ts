/** The context name: the service name, the subject prefix and the schema of its read models. */
export const PROJECTOR_CONTEXT = 'projector';

/** Request-reply subjects served by projector (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const PROJECTOR_SUBJECTS = {
  ping: 'projector.query.ping',
} as const;
