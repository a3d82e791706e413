import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { HttpClient, replyJson } from './http-load.js';
import { note } from './report.js';

const nowMs = (): number => Date.now();

/** A free TCP port on loopback, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

const canConnect = (port: number): Promise<boolean> =>
  new Promise((res) => {
    const s = tcpConnect({ host: '127.0.0.1', port }, () => (s.end(), res(true)));
    s.once('error', () => res(false));
  });

/** Polls `check` until it holds or the deadline passes (a bounded poll of an observable condition, never a sleep). */
export async function waitUntil(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
  progressEveryMs = 30_000,
  progress: () => string = () => '',
): Promise<void> {
  const deadline = nowMs() + timeoutMs;
  let lastNote = nowMs();
  for (;;) {
    if (await check()) return;
    if (nowMs() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    if (nowMs() - lastNote > progressEveryMs) {
      note(`still waiting for ${what} ${progress()}`);
      lastNote = nowMs();
    }
    await new Promise((r) => setImmediate(r));
  }
}

export interface Nats {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A NATS server with JetStream of the benchmark's own (same binary as the shared one on 4222): the platform's queue
 * group `kapocs` and stream `EVENTS` on the shared server are used by other test suites, which would answer our
 * requests with their services (and we theirs).
 */
export async function startNats(maxPayload?: string): Promise<Nats> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kapocs-bench-nats-'));
  const options = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir];
  if (maxPayload) {
    // Only a configuration file sets max_payload (default 1 MB, the production setting).
    writeFileSync(join(dir, 'nats.conf'), `max_payload: ${maxPayload}\n`);
    options.push('-c', join(dir, 'nats.conf'));
  }
  const child = spawn('nats-server', options, { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await waitUntil('nats-server', 20_000, async () => {
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}`);
    return canConnect(port);
  });
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PlatformProcess {
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface PlatformStart {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly masterKey: string;
  readonly targets: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts `platform-main.js` (bootstrap of @kapocs/platform/runtime) as a child process, as production runs the
 * platform: its own event loop, its own heap. Its log goes to a file under the temp directory.
 */
export async function startPlatform(start: PlatformStart): Promise<PlatformProcess> {
  const logFile = join(tmpdir(), `kapocs-bench-platform-${process.pid}-${Date.now()}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const main = resolve(import.meta.dirname, 'platform-main.js');
  // BENCH_PLATFORM_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, shows where the platform's time goes.
  const nodeArgs = (process.env['BENCH_PLATFORM_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: start.databaseUrl,
      NATS_URL: start.natsUrl,
      KAPOCS_MASTER_KEY: start.masterKey,
      KAPOCS_DEV_ISSUER: 'true',
      TARGETS: start.targets.join(','),
      PORT: '0',
      ...start.env,
    },
  });
  const exited = new Promise<void>((r) => child.once('exit', () => (log.end(), r())));
  child.stderr?.pipe(log, { end: false });
  const url = await new Promise<string>((res, rej) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // The platform logs to stdout (pino): everything but the ready line goes to the log file.
    lines.on('line', (line) => {
      const m = /^ready (\S+)$/.exec(line);
      if (m?.[1]) res(m[1].replace('localhost', '127.0.0.1'));
      else log.write(`${line}\n`);
    });
    child.once('exit', (code) => rej(new Error(`platform exited with ${code} before it was ready; log: ${logFile}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    logFile,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits for `/health/ready`: every projection caught up with the log as it was at start. */
export async function waitReady(client: HttpClient, timeoutMs: number): Promise<number> {
  const t0 = nowMs();
  await waitUntil('the platform to be ready (projections catching up)', timeoutMs, async () => {
    const reply = await client.send({ method: 'GET', path: '/health/ready' }).catch(() => undefined);
    if (reply && reply.status === 200) return true;
    // A bounded poll, paced by a request, not a sleep: the readiness handler is cheap.
    await new Promise((r) => setTimeout(r, 500));
    return false;
  });
  return (nowMs() - t0) / 1000;
}

export interface TokenClaims {
  readonly sub: string;
  readonly role: string;
  readonly district: string;
  readonly settlements?: readonly string[];
  readonly organisation?: string;
}

/** A bearer token from the development issuer of the gateway. */
export async function devToken(client: HttpClient, claims: TokenClaims): Promise<string> {
  const reply = await client.send({ method: 'POST', path: '/api/v1/dev/token', json: { settlements: [], ...claims } });
  if (reply.status !== 200) throw new Error(`dev token: ${reply.status} ${reply.body.toString('utf8')}`);
  return replyJson<{ access_token: string }>(reply).access_token;
}
