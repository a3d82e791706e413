// Builds the staff web app: vite into dist/apps/web, then the reference data the browser needs, as static JSON under
// dist/apps/web/reference/ (code lists, demo logins, each district's settlements). The JSON is taken from the tsc
// build of the libs (dist/libs/...), so the browser bundle imports no Node-only lib code; run after the tsc build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = join(root, 'dist');
const out = join(dist, 'apps', 'web');
const lib = (path) => import(pathToFileURL(join(dist, 'libs', path, 'src', 'index.js')).href);

await build({ configFile: join(root, 'apps', 'web', 'vite.config.mjs'), logLevel: 'warn' });

const [{ INTAKE_REFERENCE_CODES }, { DEMO_LOGINS }, { loadGazetteer }] = await Promise.all([
  lib('intake/contracts'),
  lib('intake/demo'),
  lib('shared/gazetteer'),
]);
const write = (path, value) => {
  mkdirSync(dirname(join(out, 'reference', path)), { recursive: true });
  writeFileSync(join(out, 'reference', path), JSON.stringify(value));
};
write('codes.json', INTAKE_REFERENCE_CODES.entries);
write('demo-logins.json', DEMO_LOGINS);
const gazetteer = loadGazetteer();
// The index of districts, for the public signal form's district choice (no login, so no token's district).
write('districts.json', gazetteer.districts.map((d) => ({ code: d.code, name: d.name, seat: d.seat })));
for (const d of gazetteer.districts) {
  write(`districts/${d.code}.json`, {
    code: d.code,
    name: d.name,
    seat: d.seat,
    settlements: d.settlements.map((s) => ({ code: s.code, name: s.name })),
  });
}
process.stdout.write(`web app built into ${out}\n`);
