import { resolve } from 'node:path';
import { TARGETS, type TargetName } from '@kapocs/shared/kernel';

/** The process configuration, read once from the environment (README lists the variables). */
export interface PlatformConfig {
  /** Unset → embedded PostgreSQL under `<dataDir>/pg`. */
  readonly databaseUrl?: string;
  /** Unset → the in-process bus and request-reply transport. */
  readonly natsUrl?: string;
  /** The one HTTP port of the process (gateway routes, health, metrics). */
  readonly port: number;
  readonly targets: readonly TargetName[];
  /** Unset → a key generated once and kept in `<dataDir>/master.key`. */
  readonly masterKey?: string;
  /** The built-in development token issuer (`KAPOCS_DEV_ISSUER=true|false`): on by default only when embedded. */
  readonly devIssuer: boolean;
  readonly dataDir: string;
  /** True when neither DATABASE_URL nor NATS_URL is set: the two-command start. */
  readonly embedded: boolean;
  /** `SMTP_URL` (nodemailer URL); unset → e-mails are recorded as not sent, visible to the operator (ADR-0010). */
  readonly smtpUrl?: string;
  /** `MAIL_FROM`: the From header of notification e-mails. */
  readonly mailFrom?: string;
  /** `PUBLIC_URL`: base URL of the web app, for links in e-mails. */
  readonly publicUrl?: string;
  /**
   * `KAPOCS_RPC_LOCAL_FIRST=true|false` (true by default from the environment): with NATS, a request whose handler runs
   * in this same process is handed to it in process instead of crossing NATS (ADR-0011). `false` — and an explicit
   * config without the field, as the integration harnesses pass — sends every request over NATS.
   */
  readonly rpcLocalFirst?: boolean;
}

export class ConfigError extends Error {}

/** `all` or a comma list of targets (`casework,signals`), as Loki's `-target`. */
export function parseTargets(raw: string | undefined): TargetName[] {
  const names = (raw ?? 'all')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (names.length === 0 || names.includes('all')) return [...TARGETS];
  const unknown = names.filter((n) => !(TARGETS as readonly string[]).includes(n));
  if (unknown.length) throw new ConfigError(`Unknown target(s) ${unknown.join(', ')}; known: all, ${TARGETS.join(', ')}`);
  return TARGETS.filter((t) => names.includes(t));
}

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number`);
  const databaseUrl = env['DATABASE_URL'] || undefined;
  const natsUrl = env['NATS_URL'] || undefined;
  const embedded = !databaseUrl && !natsUrl;
  const flag = env['KAPOCS_DEV_ISSUER'];
  const devIssuer = flag === undefined || flag === '' ? embedded : flag === 'true';
  const localFirst = env['KAPOCS_RPC_LOCAL_FIRST']?.trim() ?? '';
  if (!['', 'true', 'false'].includes(localFirst)) throw new ConfigError('KAPOCS_RPC_LOCAL_FIRST must be true or false');
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(natsUrl ? { natsUrl } : {}),
    port,
    targets: parseTargets(env['TARGETS']),
    ...(env['KAPOCS_MASTER_KEY'] ? { masterKey: env['KAPOCS_MASTER_KEY'] } : {}),
    devIssuer,
    dataDir: resolve(env['KAPOCS_DATA_DIR'] || './.data'),
    embedded,
    ...(env['SMTP_URL'] ? { smtpUrl: env['SMTP_URL'] } : {}),
    ...(env['MAIL_FROM'] ? { mailFrom: env['MAIL_FROM'] } : {}),
    ...(env['PUBLIC_URL'] ? { publicUrl: env['PUBLIC_URL'] } : {}),
    rpcLocalFirst: localFirst !== 'false',
  };
}

/** The configuration after start-up resolved the embedded defaults: a database URL and a master key always exist. */
export interface ResolvedPlatformConfig extends PlatformConfig {
  readonly databaseUrl: string;
  readonly masterKey: string;
}

/** `all` when every target runs here, else the comma list: what `/health/ready` and pings report. */
export const targetLabel = (targets: readonly TargetName[]): string =>
  targets.length === TARGETS.length ? 'all' : targets.join(',');
