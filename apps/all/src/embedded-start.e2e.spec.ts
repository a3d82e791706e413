import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const main = join(root, 'dist', 'apps', 'all', 'src', 'main.js');

/** Polls `check` until it returns a value, failing after `ms` (the only polling in tests: bounded, one place). */
async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  dbPort: number;
}

async function start(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAPOCS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env['DATABASE_URL'];
  delete env['NATS_URL'];
  delete env['TARGETS'];
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  await waitFor('/health/ready', 120_000, async () => {
    // A crashed start answers nothing: stop waiting at once (fetch failures are swallowed by waitFor).
    if (child.exitCode !== null) return 'exited';
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200 ? 'ready' : undefined;
  })
    .then((state) => {
      if (state === 'exited') throw new Error(`exited with ${child.exitCode}`);
    })
    .catch((e: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n${out.slice(-3000)}`);
  });
  const line = out.split('\n').find((l) => l.includes('embedded PostgreSQL started'));
  const dbPort = (JSON.parse(line ?? '{}') as { port?: number }).port;
  if (!dbPort) throw new Error(`no embedded PostgreSQL port in output:\n${out.slice(-2000)}`);
  expect(out).toContain(`Kapocs is running at http://localhost:${port}`);
  return { child, output: () => out, dbPort };
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  child.kill('SIGTERM');
  return exited;
}

async function withDb<T>(dataDir: string, dbPort: number, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const password = (await readFile(join(dataDir, 'pg.password'), 'utf8')).trim();
  const client = new pg.Client({ host: '127.0.0.1', port: dbPort, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('embedded start (npm start on a fresh machine)', () => {
  let dir: string;
  let running: Started | undefined;

  beforeAll(async () => {
    if (!existsSync(main)) spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    expect(existsSync(main)).toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'kapocs-e2e-'));
  }, 300_000);

  afterAll(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('starts, becomes ready, stops on SIGTERM and keeps its data across a restart', async () => {
    const dataDir = join(dir, 'data');
    const marker = randomBytes(8).toString('hex');
    running = await start(dataDir, await freePort());
    await withDb(dataDir, running.dbPort, async (c) => {
      await c.query('CREATE TABLE IF NOT EXISTS e2e_marker (value text PRIMARY KEY)');
      await c.query('INSERT INTO e2e_marker (value) VALUES ($1)', [marker]);
    });
    const key = await readFile(join(dataDir, 'master.key'), 'utf8');
    expect(await stop(running)).toBe(0);

    running = await start(dataDir, await freePort());
    const rows = await withDb(dataDir, running.dbPort, async (c) => (await c.query('SELECT value FROM e2e_marker')).rows);
    expect(rows).toEqual([{ value: marker }]);
    expect(await readFile(join(dataDir, 'master.key'), 'utf8')).toBe(key);
    expect(running.output()).not.toContain('initialising embedded PostgreSQL');
    expect(await stop(running)).toBe(0);
  }, 300_000);
});
