// The benchmarks start the platform as production runs it, in a process of its own, composing the service targets
// as apps/all does; a tool may not import infrastructure otherwise (eslint module boundaries).
/* eslint-disable @nx/enforce-module-boundaries */
import { caseworkTarget } from '@kapocs/casework/infrastructure';
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import { intakeTarget } from '@kapocs/intake/infrastructure';
import * as notification from '@kapocs/notification/infrastructure';
import { projectorTarget } from '@kapocs/projector/infrastructure';
import { signalsTarget } from '@kapocs/signals/infrastructure';
/* eslint-enable @nx/enforce-module-boundaries */
import { createLogger } from '@kapocs/platform/observability';
import { bootstrap, loadPlatformConfig, type ServiceTarget, type TargetMap } from '@kapocs/platform/runtime';

/** The notification service's target when it has one (migrations), else its module. */
const notificationTarget =
  ((notification as Record<string, unknown>)['notificationTarget'] as ServiceTarget | undefined) ?? notification.NotificationModule;

const BENCH_TARGETS: TargetMap = {
  gateway: gatewayTarget,
  intake: intakeTarget,
  casework: caseworkTarget,
  signals: signalsTarget,
  notification: notificationTarget,
  projector: projectorTarget,
};

/**
 * The platform under test, started by the benchmarks as a child process: DATABASE_URL, NATS_URL, TARGETS,
 * KAPOCS_MASTER_KEY, KAPOCS_DEV_ISSUER=true, PORT=0 from the environment (README), then `ready <url>` on stdout.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig(process.env);
  const log = createLogger({ name: 'kapocs-bench-platform', level: process.env['LOG_LEVEL'] ?? 'warn' });
  const running = await bootstrap(BENCH_TARGETS, { config, log, handleSignals: true });
  process.stdout.write(`ready ${running.url}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`platform failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
