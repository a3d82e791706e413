import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
// The end-to-end path composes two targets; only apps/all may depend on both, so this test crosses the boundary.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { ProjectionRunner } from '@kapocs/platform/projections';
import { bootstrap, type PlatformConfig, type RunningPlatform } from '@kapocs/platform/runtime';
import { createTestDatabase, defaultNatsUrl, TEST_MASTER_KEY, type TestDatabase } from '@kapocs/platform/testing';
import { EVENT_STORE, PG_POOL, type DistrictCode } from '@kapocs/shared/kernel';
import { contactLogProjection } from '../projections/contact-log.projection.js';
import { ProjectorModule } from '../projector.module.js';
import { projectorTarget } from '../projector.target.js';
import { IntakeFixtures, unusedSites } from './records-fixtures.js';

const config: PlatformConfig = {
  databaseUrl: defaultDatabaseUrl(),
  natsUrl: defaultNatsUrl(),
  port: 0,
  targets: ['gateway', 'projector'],
  masterKey: TEST_MASTER_KEY,
  dataDir: '/nonexistent',
  embedded: false,
  devIssuer: true,
};
// Own district and sites, so parallel suites sharing the event store do not change these numbers.
const district = String(900 + Math.floor(Math.random() * 99)) as DistrictCode;
let siteA = '';
let siteB = '';

const NAME = 'Kővári Őrs Űrsula';
/** Marks this run's personal texts: other suites leave their own in the shared projector schema. */
const RUN = randomUUID().slice(0, 8);

let p: RunningPlatform;
let store: EventStore;
let pool: Pool;
let fx: IntakeFixtures;
let clientA: string;
let clientB: string;
const contacts: { contactId: string; checkpoint: string }[] = [];

async function token(role: string, settlements: string[] = []): Promise<string> {
  const res = await fetch(`${p.url}/api/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: `records-${role}`, role, district, settlements }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const get = (path: string, t: string): Promise<Response> => fetch(`${p.url}/api/v1${path}`, { headers: { authorization: `Bearer ${t}` } });

beforeAll(async () => {
  p = await bootstrap({ gateway: gatewayTarget, projector: projectorTarget }, { config, log: createLogger({ name: 't', level: 'silent' }) });
  store = p.app.get<EventStore>(EVENT_STORE);
  pool = p.app.get<Pool>(PG_POOL);
  [siteA = '', siteB = ''] = await unusedSites(pool, 80000, 2);
  fx = new IntakeFixtures(store, district);
  const household = randomUUID();
  clientA = await fx.register(siteA, 1, { name: NAME, mothersName: 'Kővári Ilona', birthPlace: 'Szécsény', birthDate: '1980-04-02', taj: '111111110' }, household);
  await fx.register(siteA, 2, { name: 'Kővári Ödön', mothersName: 'Nagy Éva', birthPlace: 'Szécsény', birthDate: '2010-01-01' }, household);
  clientB = await fx.register(siteB, 1, { name: 'Balogh Béla', mothersName: 'Kiss Anna', birthPlace: 'Pásztó', birthDate: '1975-07-07' });
  // Eight writers logging at once: the projector must still number 1..24 without gaps.
  const batches = await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      const mine = [];
      for (let i = 0; i < 3; i++) mine.push(await fx.contact(siteA, w % 2 ? undefined : clientA, `2026-03-1${w % 3}`, `Leírás ${w}-${i}: lakhatási gond, ő és ű`));
      return mine;
    }),
  );
  contacts.push(...batches.flat());
}, 90_000);
afterAll(() => p?.close());

describe('records through gateway → NATS → projector', () => {
  it('numbers the forgalmi napló 1..n without gaps, keeps corrections and voids, and reads its own writes', async () => {
    const first = contacts.find((c) => c) as { contactId: string };
    await fx.correct(siteA, first.contactId, clientA, `Javított leírás ő/ű ${RUN}`, `elírás ${RUN}`);
    const last = await fx.void(siteA, contacts[1]?.contactId ?? '', clientA, `tévesen rögzítve ${RUN}`);
    const t = await token('district_worker');
    const res = await get(`/districts/${district}/settlements/${siteA}/contact-log?year=2026&after=${encodeURIComponent(last)}`, t);
    const logReads = await pool.query('SELECT count(*)::int AS n FROM auth.audit_log WHERE subject_id = $1 AND purpose = $2', [clientA, 'contact-log']);
    expect(logReads.rows[0].n).toBeGreaterThanOrEqual(1);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { entries: { serial: number; contactId: string; voided: boolean; voidReason: string | null; description: string; corrections: unknown[]; clientName: string | null }[] };
    expect(page.entries.map((e) => e.serial)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const corrected = page.entries.find((e) => e.contactId === first.contactId);
    expect(corrected).toMatchObject({ description: `Javított leírás ő/ű ${RUN}`, corrections: [expect.objectContaining({ reason: `elírás ${RUN}` })] });
    expect(page.entries.find((e) => e.contactId === contacts[1]?.contactId)).toMatchObject({ voided: true, voidReason: `tévesen rögzítve ${RUN}` });
    expect(page.entries.filter((e) => e.clientName === NAME).length).toBeGreaterThan(0);
  });

  it('exposes each stream version as projected, the If-Match of a correction: napló entries, client file, merge', async () => {
    const t = await token('district_worker');
    const page = (await (await get(`/districts/${district}/settlements/${siteA}/contact-log?year=2026`, t)).json()) as {
      entries: { contactId: string; version: string }[];
    };
    expect(page.entries).toHaveLength(24);
    for (const e of page.entries) expect({ e: e.contactId, v: e.version }).toEqual({ e: e.contactId, v: String(await store.streamVersion(`contact-${e.contactId}`)) });
    expect(page.entries.filter((e) => e.version === '1').map((e) => e.contactId).sort()).toEqual([contacts[0]?.contactId, contacts[1]?.contactId].sort());

    const birth = { mothersName: 'Tóth Teréz', birthPlace: 'Pásztó', birthDate: '1990-09-09' };
    const survivor = await fx.register(siteB, 2, { name: 'Verzió Valéria', ...birth });
    const merged = await fx.register(siteB, 3, { name: 'Verzio Valeria', ...birth });
    await fx.startService(siteB, survivor, '2026-02-01');
    const last = await fx.merge(siteB, survivor, merged);
    const res = await get(`/districts/${district}/settlements/${siteB}/clients/${survivor}?after=${encodeURIComponent(last)}`, t);
    const file = (await res.json()) as { client: { version: string; mergedClientIds: string[]; serviceStartedOn: string } };
    expect(file.client).toMatchObject({ version: '2', mergedClientIds: [merged], serviceStartedOn: '2026-02-01' });
    expect(await store.streamVersion(`client-${survivor}`)).toBe(2n);
  });

  it('searches the register accent-insensitively and serves the client file with household and contacts', async () => {
    const t = await token('district_worker');
    const res = await get(`/districts/${district}/clients?q=${encodeURIComponent('kovari URSULA')}`, t);
    const found = (await res.json()) as { clients: { clientId: string }[] };
    expect(found.clients.map((c) => c.clientId)).toEqual([clientA]);
    const file = await get(`/districts/${district}/settlements/${siteA}/clients/${clientA}`, t);
    expect(file.status).toBe(200);
    const body = (await file.json()) as { client: { name: string }; household: { name: string }[]; contacts: unknown[] };
    expect(body.client.name).toBe(NAME);
    expect(body.household.map((h) => h.name)).toEqual(['Kővári Ödön']);
    expect(body.contacts.length).toBe(12);
    const reads = await pool.query('SELECT purpose FROM auth.audit_log WHERE subject_id = $1 AND action = $2', [clientA, 'read']);
    expect(reads.rows.map((r: { purpose: string }) => r.purpose)).toEqual(expect.arrayContaining(['client-search', 'client-file']));
  });

  it('keeps a settlement worker of A out of B: 403 on the route, nothing of B in search', async () => {
    const t = await token('settlement_worker', [siteA]);
    expect((await get(`/districts/${district}/settlements/${siteB}/clients/${clientB}`, t)).status).toBe(403);
    const found = (await (await get(`/districts/${district}/clients?q=balogh`, t)).json()) as { clients: unknown[] };
    expect(found.clients).toEqual([]);
    const dw = await token('district_worker');
    expect((await get(`/districts/${district}/settlements/${siteB}/clients/${clientB}`, dw)).status).toBe(200);
    const analyst = await token('county_analyst');
    expect((await get(`/districts/${district}/clients?q=balogh`, analyst)).status).toBe(403);
  });

  it('exports the napló as PDF, CSV and XLSX with Hungarian characters intact, and audits every exported subject', async () => {
    const t = await token('head');
    const base = `/districts/${district}/settlements/${siteA}/contact-log/export?month=2026-03`;
    const pdf = await get(`${base}&format=pdf`, t);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`forgalmi-naplo-${siteA}-2026-03.pdf`);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(await pdf.arrayBuffer()) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
    }
    expect(text).toContain('FORGALMI NAPLÓ');
    expect(text).toContain(NAME);
    expect(text).toContain(`Javított leírás ő/ű ${RUN}`);
    const csv = Buffer.from(await (await get(`${base}&format=csv`, t)).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('Dátum;Sorszám;Egyéni azonosító');
    expect(lines).toHaveLength(25);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await get(`${base}&format=xlsx`, t)).arrayBuffer());
    expect(book.worksheets[0]?.rowCount).toBe(26);
    const reg = await get(`/districts/${district}/register/export?format=csv&settlement=${siteA}`, t);
    expect((await reg.text()).split('\r\n').filter(Boolean)).toHaveLength(3);
    const audit = await pool.query('SELECT purpose FROM auth.audit_log WHERE subject_id = $1 AND action = $2', [clientA, 'export']);
    expect(audit.rows.map((r: { purpose: string }) => r.purpose).sort()).toEqual(['contact-log-export', 'contact-log-export', 'contact-log-export', 'register-export']);
  });
});

describe('contact-log projection', () => {
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('rebuilds with identical serial numbers (version + 1 from position 0)', async () => {
    db = await createTestDatabase('records');
    const run = async (version: number) => {
      const runner = new ProjectionRunner({ pool, schema: db.schema, store, projection: contactLogProjection(version) });
      await runner.start();
      await runner.whenLive({ timeoutMs: 60_000 });
      await runner.waitForCheckpoint(await store.headCheckpoint(), { timeoutMs: 60_000 });
      // This run's sites only: the shared log also holds earlier runs, whose random district may be the same.
      const { rows } = await pool.query(
        `SELECT contact_id, site, year, serial FROM "${db.schema}".contact_log WHERE district = $1 AND site = ANY($2) ORDER BY serial, site`,
        [district, [siteA, siteB]],
      );
      await runner.stop();
      return rows;
    };
    const v1 = await run(1);
    expect(v1).toHaveLength(24);
    expect(await run(2)).toEqual(v1);
  }, 120_000);

  it('erases every plaintext of a client from the projector schema', async () => {
    const checkpoint = await fx.erase(siteA, clientA);
    await p.app.get(ProjectorModule).waitForCheckpoint(checkpoint as never, 20_000);
    const { rows: tables } = await pool.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'projector' AND table_type = 'BASE TABLE'",
    );
    for (const { t } of tables) {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM projector."${t}" x WHERE x::text LIKE ANY($1)`, [[`%${NAME}%`, `%${RUN}%`]]);
      expect({ t, n: rows[0]?.n }).toEqual({ t, n: 0 });
    }
    const t = await token('district_worker');
    const res = await get(`/districts/${district}/settlements/${siteA}/contact-log?year=2026`, t);
    const page = (await res.json()) as { entries: { serial: number }[] };
    expect(page.entries).toHaveLength(24);
  });
});
