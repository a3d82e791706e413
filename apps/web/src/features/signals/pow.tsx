/**
 * Proof of work of the public form (signals-api: `sha256-leading-zero-bits`): find a nonce such that
 * SHA-256(challenge + nonce) starts with `difficulty` zero bits. Web Crypto hashes a batch at a time and the loop
 * yields to the event loop between batches, so the page stays responsive and can show progress.
 */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const BATCH = 256;

/** Lets rendering and input run between batches (a macrotask, unlike awaiting a resolved promise). */
const yieldToUi = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export async function solveProofOfWork(challenge: string, difficulty: number, onProgress: (attempts: number) => void, signal?: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const hashes = await Promise.all(
      Array.from({ length: BATCH }, (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(challenge + String(start + i)))),
    );
    const hit = hashes.findIndex((h) => leadingZeroBits(new Uint8Array(h)) >= difficulty);
    if (hit >= 0) return String(start + hit);
    onProgress(start + BATCH);
    await yieldToUi();
  }
}
