// `npm start`: build when dist is missing or older than the sources, then run target `all` (or TARGETS) and pass
// signals on, so Ctrl-C and `kill` shut the embedded PostgreSQL down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'dist', 'apps', 'all', 'src', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|css|html)$/.test(e.name) && !e.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    // The web app is part of the build: a missing one rebuilds too.
    return Math.min(statSync(entry).mtimeMs, statSync(join(root, 'dist', 'apps', 'web', 'index.html')).mtimeMs);
  } catch {
    return 0;
  }
}

const sources = Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs')), statSync(join(root, 'tsconfig.base.json')).mtimeMs);
if (builtAt() < sources) {
  process.stdout.write('Building (tsc)…\n');
  const build = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(process.execPath, [entry], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
