/** The context name: the service name, the subject prefix and the schema of its read models. */
export const INTAKE_CONTEXT = 'intake';

/** Request-reply subjects served by intake (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const INTAKE_SUBJECTS = {
  ping: 'intake.query.ping',
  registerClient: 'intake.cmd.register-client',
  correctClient: 'intake.cmd.correct-client',
  recordDeclaration: 'intake.cmd.record-declaration',
  startService: 'intake.cmd.start-service',
  endService: 'intake.cmd.end-service',
  mergeClients: 'intake.cmd.merge-clients',
  eraseClient: 'intake.cmd.erase-client',
  logContact: 'intake.cmd.log-contact',
  logGroupSession: 'intake.cmd.log-group-session',
  correctContact: 'intake.cmd.correct-contact',
  voidContact: 'intake.cmd.void-contact',
} as const;
