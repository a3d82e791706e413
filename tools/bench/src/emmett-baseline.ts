import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { figure, note } from './report.js';

/**
 * Runs the Emmett baseline (emmett-main.ts) in a child process against a scratch database on the same server, since
 * Emmett creates its tables unqualified, in `public`. Echoes the child's figures and returns them, parsed.
 */
export async function runEmmettBaseline(admin: pg.Pool, databaseUrl: string): Promise<Map<string, number>> {
  const db = `kapocs_bench_emmett_${randomBytes(4).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${db}`;
  await admin.query(`CREATE DATABASE ${db}`);
  try {
    const figures = await runChild(url.toString());
    for (const [name, value] of figures) figure(name, value, name.endsWith('_ms') ? 2 : 0);
    return figures;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch((e: unknown) => {
      note(`could not drop database ${db}: ${(e as Error).message}`);
    });
  }
}

function runChild(url: string): Promise<Map<string, number>> {
  const entry = fileURLToPath(new URL('./emmett-main.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_EMMETT_URL: url },
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Emmett baseline exited with ${code}`));
      const figures = new Map<string, number>();
      for (const line of out.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) figures.set(line.slice(0, eq), Number(line.slice(eq + 1)));
      }
      resolve(figures);
    });
  });
}
