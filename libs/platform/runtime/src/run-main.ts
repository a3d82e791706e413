import { bootstrap } from './bootstrap.js';
import type { TargetMap } from './targets.js';

/** The whole `main.ts` of an app: start the targets selected by TARGETS, exit non-zero when start-up fails. */
export function runMain(targets: TargetMap): void {
  bootstrap(targets, { handleSignals: true }).catch((e: unknown) => {
    process.stderr.write(`Kapocs failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
