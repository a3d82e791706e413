import { randomUUID } from 'node:crypto';
// An end-to-end test of notifications needs the signals backend and the gateway around it (and intake and casework
// for triage); only the test composes them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { caseworkTarget } from '@kapocs/casework/infrastructure';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { intakeTarget } from '@kapocs/intake/infrastructure';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { signalsTarget } from '@kapocs/signals/infrastructure';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type RunningPlatform } from '@kapocs/platform/runtime';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { EVENT_STORE, type Role } from '@kapocs/shared/kernel';
import { notificationTarget } from '../notification.target.js';

/** Nagykátai járás (131), which no other suite uses; Farmos is the settlement. */
export const DISTRICT = '131';
export const SITE = '09122';
export const PUBLIC_URL = 'https://kapocs.example';

export interface NotificationHarness {
  readonly platform: RunningPlatform;
  readonly store: EventStore;
  token(role: Role, options?: { settlements?: readonly string[]; sub?: string; organisation?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Gateway, intake, casework, signals and notification in one process, over the real NATS and PostgreSQL. */
export async function startNotificationHarness(smtpUrl: string): Promise<NotificationHarness> {
  const platform = await bootstrap(
    { gateway: gatewayTarget, intake: intakeTarget, casework: caseworkTarget, signals: signalsTarget, notification: notificationTarget },
    {
      config: {
        databaseUrl: defaultDatabaseUrl(),
        natsUrl: defaultNatsUrl(),
        port: 0,
        targets: ['gateway', 'intake', 'casework', 'signals', 'notification'],
        masterKey: TEST_MASTER_KEY,
        dataDir: '/nonexistent',
        embedded: false,
        devIssuer: true,
        smtpUrl,
        mailFrom: 'Kapocs teszt <noreply@kapocs.example>',
        publicUrl: PUBLIC_URL,
      },
      log: createLogger({ name: 'notification-test', level: 'silent' }),
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
}

export async function api<T = Record<string, unknown>>(h: NotificationHarness, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${h.platform.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as T) : ({} as T);
  return { status: res.status, body: json };
}

export const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });

export const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export interface Member {
  readonly organisationId: string;
  readonly member: string;
  readonly email: string;
}

/** A school registered by the district centre with its own contact address, and its portal user's token. */
export async function registerMember(h: NotificationHarness, admin: string): Promise<Member> {
  const userId = `teacher-${randomUUID().slice(0, 8)}`;
  const email = `igazgato-${randomUUID().slice(0, 8)}@iskola.example`;
  const body = {
    name: `Farmosi Iskola ${randomUUID().slice(0, 4)}`,
    category: 'SCHOOL',
    settlements: [SITE],
    contactPerson: { name: 'Kovács Anna', email },
    portalUsers: [{ userId, name: 'Tanár Tibor' }],
  };
  const res = await api(h, admin, 'POST', `/districts/${DISTRICT}/signal-members`, body, key());
  if (res.status !== 201) throw new Error(`register member: ${res.status} ${JSON.stringify(res.body)}`);
  const organisationId = String(res.body['organisationId']);
  return { organisationId, email, member: await h.token('signal_member', { sub: userId, organisation: organisationId }) };
}

/** Family details that must never leave the service in a notification. */
export const SECRETS = { name: 'Titkos Pistike', observed: 'Hetek óta éhesen érkezik az iskolába.', description: 'Nagymama nevel', address: 'Rejtett utca 7.' };

export const signalForm = (subject: Record<string, unknown> = {}): Record<string, unknown> => ({
  signalId: randomUUID(),
  settlement: SITE,
  subjectKind: 'child',
  categories: ['NEGLECT'],
  observedSince: today(),
  urgency: 'normal',
  subject: { name: SECRETS.name, birthDate: '2015-04-01', address: SECRETS.address, description: SECRETS.description, ...subject },
  observed: SECRETS.observed,
  signaller: { name: 'Tanár Tibor', phone: '+36 30 123 4567' },
});

/** A portal submission; resolves with the ids the receipt gives at once. */
export async function submit(h: NotificationHarness, m: Member, subject: Record<string, unknown> = {}): Promise<{ signalId: string; reference: string }> {
  const res = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, signalForm(subject), key());
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return { signalId: String(res.body['signalId']), reference: String(res.body['reference']) };
}
