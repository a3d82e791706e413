import { randomUUID } from 'node:crypto';
// An end-to-end test of casework needs the gateway and the client register (intake) in front of it; only the test
// composes them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { intakeTarget } from '@kapocs/intake/infrastructure';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type RunningPlatform } from '@kapocs/platform/runtime';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { EVENT_STORE, type Role } from '@kapocs/shared/kernel';
import { caseworkTarget } from '../casework.target.js';

/** Budakeszi járás (123), which no other suite uses: Biatorbágy and Budajenő as settlements A and B. */
export const DISTRICT = '123';
export const SITE_A = '08891';
export const SITE_B = '03407';

export interface CaseworkHarness {
  readonly platform: RunningPlatform;
  readonly store: EventStore;
  token(role: Role, settlements?: readonly string[], sub?: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

/** Gateway, intake and casework in one process, over the real NATS, on the real PostgreSQL (as under `all`). */
export async function startCaseworkHarness(): Promise<CaseworkHarness> {
  const platform = await bootstrap(
    { gateway: gatewayTarget, intake: intakeTarget, casework: caseworkTarget },
    {
      config: {
        databaseUrl: defaultDatabaseUrl(),
        natsUrl: defaultNatsUrl(),
        port: 0,
        targets: ['gateway', 'intake', 'casework'],
        masterKey: TEST_MASTER_KEY,
        dataDir: '/nonexistent',
        embedded: false,
        devIssuer: true,
      },
      log: createLogger({ name: 'casework-test', level: 'silent' }),
    },
  );
  return {
    platform,
    store: platform.app.get<EventStore>(EVENT_STORE),
    async token(role, settlements = [], sub = `${role}-${randomUUID().slice(0, 8)}`, name) {
      const res = await fetch(`${platform.url}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub, role, district: DISTRICT, settlements, ...(name ? { name } : {}) }),
      });
      if (res.status !== 200) throw new Error(`dev token: ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    close: () => platform.close(),
  };
}

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly etag: string | null;
  readonly raw?: Buffer;
}

/** One call to the API; `headers` adds Idempotency-Key or If-Match. A PDF comes back in `raw`. */
export async function api<T = Record<string, unknown>>(
  h: CaseworkHarness,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(`${h.platform.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json') && raw.length ? (JSON.parse(raw.toString('utf8')) as T) : ({} as T);
  return { status: res.status, body: json, etag: res.headers.get('etag'), raw };
}

export const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
