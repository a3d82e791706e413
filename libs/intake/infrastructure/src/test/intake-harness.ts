import { randomBytes, randomUUID } from 'node:crypto';
// An end-to-end test of intake needs the real gateway in front of it (issue 4); only the test composes the two.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import { tajCheckDigit } from '@kapocs/intake/domain';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type RunningPlatform } from '@kapocs/platform/runtime';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { EVENT_STORE, type Role } from '@kapocs/shared/kernel';
import { intakeTarget } from '../intake.target.js';

/** Szécsényi járás: Szécsény and Hollókő as settlements A and B. */
export const DISTRICT = '121';
export const SITE_A = '06628';
export const SITE_B = '33242';

export interface IntakeHarness {
  readonly platform: RunningPlatform;
  readonly store: EventStore;
  token(role: Role, settlements?: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/** Gateway and intake in one process, talking over the real NATS, on the real PostgreSQL (as under `all`). */
export async function startIntakeHarness(): Promise<IntakeHarness> {
  const platform = await bootstrap(
    { gateway: gatewayTarget, intake: intakeTarget },
    {
      config: {
        databaseUrl: defaultDatabaseUrl(),
        natsUrl: defaultNatsUrl(),
        port: 0,
        targets: ['gateway', 'intake'],
        masterKey: TEST_MASTER_KEY,
        dataDir: '/nonexistent',
        embedded: false,
        devIssuer: true,
      },
      log: createLogger({ name: 'intake-test', level: 'silent' }),
    },
  );
  return {
    platform,
    store: platform.app.get<EventStore>(EVENT_STORE),
    async token(role, settlements = []) {
      const res = await fetch(`${platform.url}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: `${role}-${randomUUID().slice(0, 8)}`, role, district: DISTRICT, settlements }),
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
}

/** One JSON call to the API; `headers` adds e.g. Idempotency-Key or If-Match. */
export async function api<T = Record<string, unknown>>(
  h: IntakeHarness,
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
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, etag: res.headers.get('etag') };
}

/** A fictitious, valid TAJ number: 8 random digits and their check digit. */
export function randomTaj(): string {
  const first = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return `${first}${tajCheckDigit(first)}`;
}

/** A fictitious client, unique per call so that parallel suites never see each other as duplicates. */
export function clientDetails(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // 26^8 letter tags: a reused test database holds thousands of earlier runs' clients, none may look alike.
  const tag = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return {
    name: `Próba ${tag} Éva`,
    mothersName: `Minta ${tag} Ilona`,
    birthPlace: 'Szécsény',
    birthDate: '1988-05-17',
    taj: randomTaj(),
    sex: '2',
    citizenship: 'HU',
    residenceSettlement: SITE_A,
    residenceAddress: 'Fő utca 1.',
    ...overrides,
  };
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export const contactBody = (subject: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  date: today(),
  dutyWorkerId: 'worker-1',
  subject,
  mode: 'PHONE',
  problemTypes: ['9'],
  caseHandling: ['I'],
  description: 'Rövid leírás.',
  ...overrides,
});
