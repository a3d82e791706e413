import { pino, type Logger } from 'pino';
import { activeSpanIds } from './tracing.js';

/**
 * Paths never written to logs. Bodies, payloads and tokens may hold personal data (name, TAJ number, address), so
 * they are censored wherever they appear; log ids and codes instead.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'body',
  '*.body',
  'payload',
  '*.payload',
  'data',
  '*.data',
  'personal',
  '*.personal',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'token',
  '*.token',
  'access_token',
  '*.access_token',
];

export interface LoggerOptions {
  readonly name: string;
  readonly level?: string;
  /** Defaults to stdout; tests pass a stream to inspect lines. */
  readonly destination?: pino.DestinationStream;
  /** Fields on every line, e.g. `{ target: 'casework' }`. */
  readonly base?: Record<string, string>;
}

/** JSON logger stamping every line with the active trace_id/span_id. */
export function createLogger({ name, level, destination, base }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    name,
    level: level ?? process.env['LOG_LEVEL'] ?? 'info',
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
    mixin: () => activeSpanIds() ?? {},
    base: { pid: process.pid, ...base },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
