/** DI tokens of what SignalsModule builds once: the handlers' deps, the queue runner, its queries, the configuration. */
export const SIGNALS_DEPS = 'KAPOCS_SIGNALS_DEPS';
export const SIGNAL_QUEUE_RUNNER = 'KAPOCS_SIGNALS_QUEUE_RUNNER';
export const SIGNAL_QUEUE_QUERIES = 'KAPOCS_SIGNALS_QUEUE_QUERIES';
export const MATCH_ALERTS_RUNNER = 'KAPOCS_SIGNALS_MATCH_ALERTS_RUNNER';
export const MATCH_ALERTS_QUERIES = 'KAPOCS_SIGNALS_MATCH_ALERTS_QUERIES';
export const SIGNAL_STATISTICS_QUERIES = 'KAPOCS_SIGNALS_STATISTICS_QUERIES';
export const SIGNALS_CONFIG = 'KAPOCS_SIGNALS_CONFIG';
export const SIGNALS_GAZETTEER = 'KAPOCS_SIGNALS_GAZETTEER';
export const IDENTITY_MATCH_RUNNER = 'KAPOCS_SIGNALS_IDENTITY_MATCH_RUNNER';

/** Configuration of the signals service. */
export interface SignalsConfig {
  /** The on-call (ügyeleti) number shown at once when a signaller reports immediate danger. */
  readonly onCallNumber: string;
}

/** From the environment: `SIGNALS_ON_CALL_NUMBER`; the emergency number until a centre configures its own. */
export const signalsConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): SignalsConfig => ({
  onCallNumber: env['SIGNALS_ON_CALL_NUMBER']?.trim() || '112',
});
