import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { type ErrorCode, HTTP_STATUS, UNLISTED_CODE_STATUS } from './http-status.js';
import { EN_FALLBACK, en } from './messages.en.js';
import { HU_FALLBACK, hu } from './messages.hu.js';

export type Language = 'hu' | 'en';

/** The JSON body of every error response (issue 3 §7). */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly unknown[];
}

const isListed = (code: string): code is ErrorCode => Object.hasOwn(HTTP_STATUS, code);

/** Hungarian unless the client prefers English (`Accept-Language`, q-values honoured). */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'hu';
  let best: { lang: Language; q: number } = { lang: 'hu', q: -1 };
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
    const lang = tag.startsWith('en') ? 'en' : tag.startsWith('hu') ? 'hu' : undefined;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}

export const statusOf = (code: string): number => (isListed(code) ? HTTP_STATUS[code] : UNLISTED_CODE_STATUS);

export function messageOf(code: string, lang: Language): string {
  if (!isListed(code)) return lang === 'en' ? EN_FALLBACK : HU_FALLBACK;
  return lang === 'en' ? en[code] : hu[code];
}

/** Status and body for `code`; a code that is not a stable code shape becomes INTERNAL. */
export function renderError(
  code: string,
  details: readonly unknown[] | undefined,
  lang: Language,
): { readonly status: number; readonly body: ErrorBody } {
  const safe = /^[A-Z][A-Z0-9_]{1,80}$/.test(code) ? code : PLATFORM_ERRORS.INTERNAL;
  const body: ErrorBody = {
    code: safe,
    message: messageOf(safe, lang),
    ...(details && details.length > 0 && safe !== PLATFORM_ERRORS.INTERNAL ? { details } : {}),
  };
  return { status: statusOf(safe), body };
}
