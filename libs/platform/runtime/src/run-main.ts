import { bootstrap } from './bootstrap.js';
import type { TargetMap } from './targets.js';

/** The whole `main.ts` of an app: start the targets selected by TARGETS, exit non-zero when start-up fails. */
export function runMain(targets: TargetMap): void {
  bootstrap(targets, { handleSignals: true })
    .then((running) => {
      // Besides the JSON log line: the one line a person starting `npm start` looks for.
      if (process.stdout.isTTY) process.stdout.write(`\nKapocs: ${running.url}  (API docs: ${running.url}/api/docs)\n\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`Kapocs failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
