import { randomUUID } from 'node:crypto';
// An end-to-end test of signals needs the gateway, the client register (intake) and casework (open cases for match
// alerts) around it; only the test composes them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { caseworkTarget } from '@kapocs/casework/infrastructure';
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
import { signalsTarget } from '../signals.target.js';

/** Monori járás (130), which no other suite uses: Bénye and Csévharaszt as settlements A and B. */
export const DISTRICT = '130';
export const SITE_A = '25098';
export const SITE_B = '18476';

export interface SignalsHarness {
  readonly platform: RunningPlatform;
  readonly store: EventStore;
  token(role: Role, options?: { settlements?: readonly string[]; sub?: string; organisation?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Gateway, intake, casework and signals in one process, over the real NATS, on the real PostgreSQL (as under `all`). */
export async function startSignalsHarness(): Promise<SignalsHarness> {
  const platform = await bootstrap(
    { gateway: gatewayTarget, intake: intakeTarget, casework: caseworkTarget, signals: signalsTarget },
    {
      config: {
        databaseUrl: defaultDatabaseUrl(),
        natsUrl: defaultNatsUrl(),
        port: 0,
        targets: ['gateway', 'intake', 'casework', 'signals'],
        masterKey: TEST_MASTER_KEY,
        dataDir: '/nonexistent',
        embedded: false,
        devIssuer: true,
      },
      log: createLogger({ name: 'signals-test', level: 'silent' }),
    },
  );
  return {
    platform,
    store: platform.app.get<EventStore>(EVENT_STORE),
    async token(role, options = {}) {
      const { settlements = [], sub = `${role}-${randomUUID().slice(0, 8)}`, organisation } = options;
      const res = await fetch(`${platform.url}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub, role, district: DISTRICT, settlements, ...(organisation ? { organisation } : {}) }),
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

/** One call to the API; `headers` adds Idempotency-Key or If-Match. */
export async function api<T = Record<string, unknown>>(
  h: SignalsHarness,
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
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as T) : ({} as T);
  return { status: res.status, body: json, etag: res.headers.get('etag') };
}

export const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/** A member organisation registered by the district centre, and a portal user's token for it. */
export async function registerMember(h: SignalsHarness, admin: string, category = 'SCHOOL'): Promise<{ organisationId: string; member: string; checkpoint: string }> {
  const userId = `teacher-${randomUUID().slice(0, 8)}`;
  const body = {
    name: `Próba Iskola ${randomUUID().slice(0, 4)}`,
    category,
    settlements: [SITE_A],
    contactPerson: { name: 'Kovács Anna', email: 'igazgato@iskola.example' },
    portalUsers: [{ userId, name: 'Tanár Tibor' }],
  };
  const res = await api(h, admin, 'POST', `/districts/${DISTRICT}/signal-members`, body, key());
  if (res.status !== 201) throw new Error(`register member: ${res.status} ${JSON.stringify(res.body)}`);
  const organisationId = String(res.body['organisationId']);
  return { organisationId, member: await h.token('signal_member', { sub: userId, organisation: organisationId }), checkpoint: String(res.body['checkpoint']) };
}

/** A portal jelzés as a school would fill it in. */
export const signalForm = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  signalId: randomUUID(),
  settlement: SITE_A,
  subjectKind: 'child',
  categories: ['NEGLECT', 'SCHOOL_ABSENCE'],
  observedSince: today(),
  urgency: 'normal',
  // A fresh name: the same person in every test would raise identity match alerts against every earlier signal.
  subject: { name: `Minta Pistike ${randomUUID().slice(0, 8)}`, birthDate: '2015-04-01' },
  observed: 'Hetek óta éhesen és ápolatlanul érkezik az iskolába.',
  signaller: { name: 'Tanár Tibor', phone: '+36 30 123 4567' },
  ...overrides,
});
