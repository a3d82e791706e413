import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
// The end-to-end path composes two targets; only apps/all may depend on both, so this test crosses the boundary.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type PlatformConfig, type RunningPlatform } from '@kapocs/platform/runtime';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { CONTACT_LOG_EXPORT_FIELDS, type ContactLogPage, type ContactLogRow } from '@kapocs/projector/contracts';
import { EVENT_STORE, PG_POOL, type DistrictCode } from '@kapocs/shared/kernel';
import { projectorTarget } from '../projector.target.js';
import { IntakeFixtures, unusedSites } from './records-fixtures.js';
import { RecordsQueries } from './records.queries.js';

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
// District 132 belongs to this suite; a fresh site per run keeps the numbering of earlier runs out of the counts.
const district = '132' as DistrictCode;
let site = '';
const RUN = randomUUID().slice(0, 8);
/** Entries of 2,000-character descriptions (the API's maximum): ~1.4 MB of JSON, above NATS's 1 MB `max_payload`. */
const ENTRIES = 600;
const description = (i: number): string => {
  const head = `kezdet-${RUN}-${i} `;
  const tail = ` vég-${RUN}-${i}`;
  return head + 'Hosszú leírás ő és ű betűkkel, családsegítés. '.repeat(60).slice(0, 2000 - head.length - tail.length) + tail;
};

/** A client of another site with a long history: its file (~1.2 MB of JSON) is above the payload limit too. */
let site2 = '';
const HISTORY = 450;
let longClient = '';

let p: RunningPlatform;
let pool: Pool;
let fx: IntakeFixtures;
let lastCheckpoint = '';
let voided = '';

async function token(): Promise<string> {
  const res = await fetch(`${p.url}/api/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: `records-size-${RUN}`, role: 'head', district, settlements: [] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const get = (path: string, t: string): Promise<Response> => fetch(`${p.url}/api/v1${path}`, { headers: { authorization: `Bearer ${t}` } });

beforeAll(async () => {
  p = await bootstrap({ gateway: gatewayTarget, projector: projectorTarget }, { config, log: createLogger({ name: 't', level: 'silent' }) });
  pool = p.app.get<Pool>(PG_POOL);
  [site = '', site2 = ''] = await Promise.all([unusedSites(pool, 60000), unusedSites(pool, 70000)]).then(([a, b]) => [a[0], b[0]]);
  fx = new IntakeFixtures(p.app.get<EventStore>(EVENT_STORE), district);
  const client = await fx.register(site, 1, { name: 'Méret Mária', mothersName: 'Hossz Hajnal', birthPlace: 'Tura', birthDate: '1970-01-01' });
  const ids: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const c = await fx.contact(site, i % 2 ? client : undefined, `2026-0${1 + (i % 9)}-1${i % 10}`, description(i));
    ids.push(c.contactId);
    lastCheckpoint = c.checkpoint;
  }
  // An entry taller than a page: a 1,000-character void reason in front of its 2,000-character description.
  voided = ids[1] ?? '';
  lastCheckpoint = await fx.void(site, voided, client, `ok-${RUN} ${'Téves rögzítés, ismételt. '.repeat(40).slice(0, 1000)}`);
  longClient = await fx.register(site2, 1, { name: 'Hosszú Henrik', mothersName: 'Régi Rozália', birthPlace: 'Tura', birthDate: '1960-02-02' });
  for (let i = 0; i < HISTORY; i++) {
    lastCheckpoint = (await fx.contact(site2, longClient, `2026-0${1 + (i % 9)}-1${i % 10}`, description(10_000 + i))).checkpoint;
  }
}, 180_000);
afterAll(() => p?.close());

describe('a napló export above the NATS payload limit', () => {
  it('serves the on-screen napló page by page through afterSerial, every entry once and in order', async () => {
    const t = await token();
    const serials: number[] = [];
    let afterSerial: number | undefined;
    let pages = 0;
    do {
      const query = `year=2026&after=${encodeURIComponent(lastCheckpoint)}${afterSerial !== undefined ? `&afterSerial=${afterSerial}` : ''}`;
      const res = await get(`/districts/${district}/settlements/${site}/contact-log?${query}`, t);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { entries: { serial: number }[]; nextSerial?: number };
      serials.push(...page.entries.map((e) => e.serial));
      afterSerial = page.nextSerial;
      pages++;
    } while (afterSerial !== undefined && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(serials).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    const bad = await get(`/districts/${district}/settlements/${site}/contact-log?year=2026&afterSerial=x1`, t);
    expect(bad.status).toBe(400);
  });

  it('gives the export the printed fields of every entry, in pages under the budget that end where they say', async () => {
    const queries = new RecordsQueries(pool);
    const scope = { district, settlements: null, organisation: null };
    const query = { district, settlement: site, period: { year: '2026' }, after: lastCheckpoint };
    const full: ContactLogRow[] = [];
    let page: ContactLogPage | undefined;
    do {
      page = await queries.contactLog({ ...query, ...(page?.nextSerial ? { afterSerial: page.nextSerial } : {}) }, scope);
      full.push(...page.entries);
    } while (page.nextSerial !== undefined);
    const exported: unknown[][] = [];
    let afterSerial: number | undefined;
    let pages = 0;
    do {
      const p = await queries.contactLogExport({ ...query, ...(afterSerial ? { afterSerial } : {}) }, scope);
      expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(512 * 1024 + 100);
      const rows = JSON.parse(p.rows) as unknown[][];
      if (p.nextSerial !== undefined) expect(p.nextSerial).toBe(rows.at(-1)?.[0]);
      exported.push(...rows);
      afterSerial = p.nextSerial;
      pages++;
    } while (afterSerial !== undefined);
    expect(pages).toBeGreaterThan(1);
    expect(full).toHaveLength(ENTRIES);
    expect(exported).toEqual(full.map((e) => CONTACT_LOG_EXPORT_FIELDS.map((f) => e[f])));
    expect(exported.filter((r) => r[CONTACT_LOG_EXPORT_FIELDS.indexOf('voided')] === true)).toHaveLength(1);
  });

  it('pages the projector by size and exports every entry as CSV and PDF, auditing the subject', async () => {
    const t = await token();
    // Read-your-writes first: the page of the ordinary route is cut by size too and says where to go on.
    const first = await get(`/districts/${district}/settlements/${site}/contact-log?year=2026&after=${encodeURIComponent(lastCheckpoint)}`, t);
    expect(first.status).toBe(200);
    const page = (await first.json()) as { entries: unknown[]; nextSerial?: number };
    expect(page.entries.length).toBeLessThan(ENTRIES);
    expect(page.nextSerial).toBe(page.entries.length);
    expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(1024 * 1024);

    const base = `/districts/${district}/settlements/${site}/contact-log/export?year=2026`;
    const csvRes = await get(`${base}&format=csv`, t);
    expect(csvRes.status).toBe(200);
    const csv = Buffer.from(await csvRes.arrayBuffer()).toString('utf8');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(ENTRIES + 1);
    expect(lines.slice(1).map((l) => Number(l.split(';')[1]))).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    expect(new Set(csv.match(new RegExp(`vég-${RUN}-\\d+`, 'g'))).size).toBe(ENTRIES);

    const pdfRes = await get(`${base}&format=pdf`, t);
    expect(pdfRes.status).toBe(200);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(await pdfRes.arrayBuffer()) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
    }
    expect(new Set(text.match(new RegExp(`kezdet-${RUN}-\\d+`, 'g'))).size).toBe(ENTRIES);
    expect(new Set(text.match(new RegExp(`vég-${RUN}-\\d+`, 'g'))).size).toBe(ENTRIES);
    // The voided entry is split over two pages and keeps its mark, its reason and its whole description.
    expect(text).toContain(`ÉRVÉNYTELENÍTVE: ok-${RUN}`);
    expect(text).toContain(`${doc.numPages} / ${doc.numPages}. oldal`);

    const audit = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM auth.audit_log WHERE district = $1 AND actor_user_id = $2 AND action = 'export' AND purpose = 'contact-log-export'",
      [district, `records-size-${RUN}`],
    );
    // One record per export and subject (the one client of the site), for the CSV and the PDF.
    expect(audit.rows[0]?.n).toBe(2);
  }, 120_000);
});

describe('a client file above the NATS payload limit', () => {
  it('comes from the projector in parts and from the gateway whole: every contact once, in order', async () => {
    const scope = { district, settlements: null, organisation: null };
    const queries = new RecordsQueries(pool);
    const first = await queries.clientFile({ district, settlement: site2, clientId: longClient }, scope);
    expect(first.contacts.length).toBeLessThan(HISTORY);
    expect(first.nextContactsCursor).toBeDefined();
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(1024 * 1024);
    await expect(queries.clientFile({ district, settlement: site2, clientId: longClient, contactsAfter: 'x|y' }, scope)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const t = await token();
    const res = await get(`/districts/${district}/settlements/${site2}/clients/${longClient}?after=${encodeURIComponent(lastCheckpoint)}`, t);
    expect(res.status).toBe(200);
    const file = (await res.json()) as { contacts: ContactLogRow[]; nextContactsCursor?: string; client: { name: string } };
    expect(file.client.name).toBe('Hosszú Henrik');
    expect(file.nextContactsCursor).toBeUndefined();
    expect(file.contacts).toHaveLength(HISTORY);
    expect(new Set(file.contacts.map((c) => c.contactId)).size).toBe(HISTORY);
    const keys = file.contacts.map((c) => `${c.date}|${String(c.serial).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(file.contacts.map((c) => /vég-[^ ]+/.exec(c.description ?? '')?.[0])).size).toBe(HISTORY);

    const inspection = await get(`/districts/${district}/settlements/${site2}/clients/${longClient}/inspection`, t);
    expect(inspection.status).toBe(200);
    expect(((await inspection.json()) as { file: { contacts: unknown[] } }).file.contacts).toHaveLength(HISTORY);
  });
});
