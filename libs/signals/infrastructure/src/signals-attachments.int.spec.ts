import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { Pool } from 'pg';
import { SIGNALS_ERRORS, SIGNALS_MESSAGES_HU } from '@kapocs/signals/contracts';
import { PG_POOL } from '@kapocs/shared/kernel';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, SITE_B, startSignalsHarness } from './test/signals-harness.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(64, 7)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
const TEN_MIB = 10 * 1024 * 1024;

const portal = (organisationId: string) => `/districts/${DISTRICT}/organisations/${organisationId}/signals`;
const staffSignal = (site: string, signalId: string) => `/districts/${DISTRICT}/settlements/${site}/signals/${signalId}`;

interface Upload {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A multipart submission as a browser's FormData sends it. */
async function upload(h: SignalsHarness, token: string, path: string, form: Record<string, unknown>, files: readonly [string, Buffer, string?][]): Promise<Upload> {
  const data = new FormData();
  data.append('signal', JSON.stringify(form));
  for (const [name, content, declared] of files) data.append('files', new Blob([content], { type: declared ?? 'application/octet-stream' }), name);
  const res = await fetch(`${h.platform.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...key() }, body: data });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function download(h: SignalsHarness, token: string, path: string): Promise<{ status: number; type: string | null; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${h.platform.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

describe('signal attachments through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  let pool: Pool;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
    pool = h.platform.app.get<Pool>(PG_POOL);
  });
  afterAll(() => h.close());

  const blobCount = async (): Promise<number> => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM gateway.signal_attachment_blobs')).rows[0]?.n);

  it('stores a portal signal’s documents encrypted and lets the organisation and staff in scope download them, audited', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await upload(h, member, portal(organisationId), signalForm(), [
      ['orvosi lelet – Kovács.pdf', PDF, 'image/gif'],
      ['foto.png', PNG],
    ]);
    expect(res.status).toBe(201);
    const signalId = String(res.body['signalId']);
    const attachments = res.body['attachments'] as { attachmentId: string; fileName: string; mediaType: string; size: number }[];
    expect(attachments).toEqual([
      { attachmentId: expect.any(String), fileName: 'orvosi lelet – Kovács.pdf', mediaType: 'application/pdf', size: PDF.length },
      { attachmentId: expect.any(String), fileName: 'foto.png', mediaType: 'image/png', size: PNG.length },
    ]);
    const [pdf, png] = attachments;
    const stored = await pool.query<{ blob: Buffer }>('SELECT blob FROM gateway.signal_attachment_blobs WHERE attachment_id = $1', [pdf?.attachmentId]);
    expect(stored.rows[0]?.blob.includes(Buffer.from('%PDF'))).toBe(false);

    const mine = await download(h, member, `${portal(organisationId)}/${signalId}/attachments/${pdf?.attachmentId}`);
    expect(mine).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(mine.bytes.equals(PDF)).toBe(true);
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-disposition')).toContain(encodeURIComponent('orvosi lelet – Kovács.pdf'));

    const workerId = `worker-${randomUUID().slice(0, 8)}`;
    const worker = await h.token('settlement_worker', { settlements: [SITE_A], sub: workerId });
    const listed = await api<Record<string, unknown>[]>(h, worker, 'GET', `${staffSignal(SITE_A, signalId)}/attachments`);
    expect(listed.body.map((a) => a['mediaType'])).toEqual(['application/pdf', 'image/png']);
    expect(JSON.stringify(listed.body)).not.toContain('"key"');
    const staff = await download(h, worker, `${staffSignal(SITE_A, signalId)}/attachments/${png?.attachmentId}`);
    expect(staff).toMatchObject({ status: 200, type: 'image/png' });
    expect(staff.bytes.equals(PNG)).toBe(true);
    const audit = await pool.query('SELECT purpose, action FROM auth.audit_log WHERE subject_id = $1 AND actor_user_id = $2', [signalId, workerId]);
    expect(audit.rows).toEqual(expect.arrayContaining([{ purpose: 'signal-attachments', action: 'read' }, { purpose: 'signal-attachment', action: 'download' }]));
  });

  it('answers "not found" to another organisation, and refuses staff of another settlement', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await upload(h, member, portal(organisationId), signalForm(), [['lelet.pdf', PDF]]);
    const signalId = String(res.body['signalId']);
    const attachmentId = (res.body['attachments'] as { attachmentId: string }[])[0]?.attachmentId;
    const other = await registerMember(h, admin);
    const theirs = await download(h, other.member, `${portal(other.organisationId)}/${signalId}/attachments/${attachmentId}`);
    expect(theirs.status).toBe(404);
    const viaForeignPath = await download(h, other.member, `${portal(organisationId)}/${signalId}/attachments/${attachmentId}`);
    expect(viaForeignPath.status).toBe(403);
    const workerB = await h.token('settlement_worker', { settlements: [SITE_B] });
    expect((await download(h, workerB, `${staffSignal(SITE_A, signalId)}/attachments/${attachmentId}`)).status).toBe(403);
    expect((await download(h, workerB, `${staffSignal(SITE_B, signalId)}/attachments/${attachmentId}`)).status).toBe(404);
    expect((await download(h, admin, `${staffSignal(SITE_A, signalId)}/attachments/${randomUUID()}`)).status).toBe(404);
  });

  it('makes the attachments unreadable once the signal’s subject is shredded', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await upload(h, member, portal(organisationId), signalForm(), [['lelet.pdf', PDF]]);
    const signalId = String(res.body['signalId']);
    const attachmentId = (res.body['attachments'] as { attachmentId: string }[])[0]?.attachmentId;
    const path = `${staffSignal(SITE_A, signalId)}/attachments/${attachmentId}`;
    expect((await download(h, admin, path)).status).toBe(200);
    await h.store.shred(signalId);
    const gone = await download(h, admin, path);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.bytes.toString())).toMatchObject({ code: SIGNALS_ERRORS.ATTACHMENT_NOT_FOUND });
    expect((await api(h, admin, 'GET', `${staffSignal(SITE_A, signalId)}/attachments`)).body).toEqual([]);
  });

  it('refuses an oversize file with a Hungarian message and stores neither the signal nor a blob', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const before = await blobCount();
    const form = signalForm();
    const big = Buffer.concat([PDF, Buffer.alloc(TEN_MIB)]);
    const res = await upload(h, member, portal(organisationId), form, [['kicsi.pdf', PDF], ['nagy.pdf', big]]);
    expect(res).toMatchObject({ status: 413, body: { code: SIGNALS_ERRORS.ATTACHMENT_TOO_LARGE, message: SIGNALS_MESSAGES_HU.SIGNALS_ATTACHMENT_TOO_LARGE } });
    expect(await h.store.streamVersion(`signal-${String(form['signalId'])}`)).toBe(-1n);
    expect(await blobCount()).toBe(before);
    const many = await upload(h, member, portal(organisationId), form, Array.from({ length: 6 }, (_, i): [string, Buffer] => [`${i}.pdf`, PDF]));
    expect(many).toMatchObject({ status: 413, body: { code: SIGNALS_ERRORS.ATTACHMENT_TOO_MANY } });
    expect(await h.store.streamVersion(`signal-${String(form['signalId'])}`)).toBe(-1n);
  });

  it('refuses an upload announcing more than the limits before reading its body', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const url = new URL(`${h.platform.url}/api/v1${portal(organisationId)}`);
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${member}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      // Only the first bytes of the announced 60 MiB are ever sent.
      req.write('--x\r\n');
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ code: SIGNALS_ERRORS.ATTACHMENT_TOO_LARGE });
  });

  it('decides the type by content: an executable or a PNG named .pdf is refused, nothing stored', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const before = await blobCount();
    const form = signalForm();
    for (const [name, content] of [['lelet.pdf', EXE], ['lelet.pdf', PNG], ['lelet', Buffer.alloc(0)]] as [string, Buffer][]) {
      const res = await upload(h, member, portal(organisationId), form, [['ok.pdf', PDF], [name, content, 'application/pdf']]);
      expect(res).toMatchObject({ status: 415, body: { code: SIGNALS_ERRORS.ATTACHMENT_TYPE, message: SIGNALS_MESSAGES_HU.SIGNALS_ATTACHMENT_TYPE } });
    }
    expect(await h.store.streamVersion(`signal-${String(form['signalId'])}`)).toBe(-1n);
    expect(await blobCount()).toBe(before);
  });

  it('removes the blobs of a refused submission, and keeps only the first submission’s on a retry', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const before = await blobCount();
    const refused = await upload(h, member, portal(organisationId), signalForm({ categories: [] }), [['lelet.pdf', PDF]]);
    expect(refused).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.MISSING_CATEGORY } });
    expect(await blobCount()).toBe(before);
    const form = signalForm();
    const first = await upload(h, member, portal(organisationId), form, [['lelet.pdf', PDF]]);
    const again = await upload(h, member, portal(organisationId), form, [['lelet.pdf', PDF]]);
    expect(again.status).toBe(201);
    expect(again.body['attachments']).toEqual(first.body['attachments']);
    expect(await blobCount()).toBe(before + 1);
  });

  it('takes attachments on a signal recorded by staff from paper', async () => {
    const worker = await h.token('settlement_worker', { settlements: [SITE_A] });
    const res = await upload(h, worker, `/districts/${DISTRICT}/settlements/${SITE_A}/signals`, signalForm({ channel: 'PAPER' }), [['level.pdf', PDF]]);
    expect(res.status).toBe(201);
    const attachmentId = (res.body['attachments'] as { attachmentId: string }[])[0]?.attachmentId;
    const file = await download(h, worker, `${staffSignal(SITE_A, String(res.body['signalId']))}/attachments/${attachmentId}`);
    expect(file.bytes.equals(PDF)).toBe(true);
  });
});
