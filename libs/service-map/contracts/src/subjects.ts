/** The context name: the service name, the subject prefix and the schema of its read models. */
export const SERVICE_MAP_CONTEXT = 'service-map';

/** Request-reply subjects served by service-map (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const SERVICE_MAP_SUBJECTS = {
  ping: 'service-map.query.ping',
} as const;
