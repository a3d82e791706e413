import type { BlockList } from 'node:net';
import { trustedProxies } from './client-address.js';

/** Abuse protection of the anonymous public form. */
export interface PublicFormConfig {
  /** Leading zero bits the proof of work needs: 16 ≈ 65 000 SHA-256 hashes, 1–3 s of WebCrypto on a phone. */
  readonly difficulty: number;
  readonly challengeTtlSeconds: number;
  /** Token bucket per client address, shared by the challenge and the submit route. */
  readonly burst: number;
  readonly perHour: number;
  readonly trustedProxies: BlockList;
}

const int = (value: string | undefined, fallback: number, min: number, max: number): number => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** `KAPOCS_PUBLIC_SIGNALS_POW_BITS`, `_POW_TTL_S`, `_BURST`, `_PER_HOUR`, `KAPOCS_TRUSTED_PROXIES`. */
export const publicFormConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): PublicFormConfig => ({
  difficulty: int(env['KAPOCS_PUBLIC_SIGNALS_POW_BITS'], 16, 0, 32),
  challengeTtlSeconds: int(env['KAPOCS_PUBLIC_SIGNALS_POW_TTL_S'], 600, 1, 86_400),
  burst: int(env['KAPOCS_PUBLIC_SIGNALS_BURST'], 20, 1, 1_000_000),
  perHour: int(env['KAPOCS_PUBLIC_SIGNALS_PER_HOUR'], 60, 1, 1_000_000),
  trustedProxies: trustedProxies(env['KAPOCS_TRUSTED_PROXIES']),
});
