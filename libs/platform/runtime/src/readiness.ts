/** A readiness check: resolves when ready, rejects (or returns false) when not. */
export type ReadinessCheck = () => Promise<boolean | void> | boolean | void;

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Record<string, 'ok' | 'failing'>;
}

/** DI token of the process's ReadinessRegistry; each service module registers its check at init. */
export const READINESS = 'KAPOCS_READINESS';

const CHECK_TIMEOUT_MS = 2_000;

/** `/health/ready` of the whole process: ready when every registered check (database, bus, each target) passes. */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, (await runCheck(check)) ? 'ok' : 'failing'] as const),
    );
    return { ready: results.length > 0 && results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
  }
}

async function runCheck(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    });
    return (await Promise.race([Promise.resolve().then(check), timedOut])) !== false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
