/**
 * Polls a condition until it holds or the deadline passes: for state only observable by asking (a database, a stream
 * count). Prefer awaiting a delivery or a checkpoint where the code under test offers one.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 20_000, intervalMs = 20, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
