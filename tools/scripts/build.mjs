// The one build of the repo: tsc emits every app and lib under dist/ (paths kept), tsc-alias rewrites the
// `@kapocs/...` aliases to relative `.js` paths so that plain `node dist/apps/<app>/src/main.js` runs; then vite builds
// the staff web app into dist/apps/web (its reference data comes from the libs just built).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const steps = [
  [require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json']],
  [join(dirname(require.resolve('tsc-alias/package.json')), 'dist', 'bin', 'index.js'), ['-p', 'tsconfig.build.json']],
  [join(root, 'apps', 'web', 'scripts', 'build.mjs'), []],
];
for (const [bin, args] of steps) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    // tsc emits despite type errors: drop the entry point so that `npm start` never runs a half-built dist.
    rmSync(join(root, 'dist', 'apps', 'all', 'src', 'main.js'), { force: true });
    process.exit(r.status ?? 1);
  }
}
