import { createContext, useContext } from 'react';
import type { Lang } from './i18n';

/**
 * A code of a versioned code list (mirrors ReferenceCode of @kapocs/shared/reference-data): from
 * `GET /api/v1/reference/code-lists` once logged in, else the shipped files as static `/reference/codes.json`.
 */
export interface Code {
  readonly list: string;
  readonly code: string;
  readonly labelHu: string;
  readonly labelEn: string;
  readonly abbreviation?: string;
  readonly parent?: string;
  readonly validFrom: string;
  readonly validTo?: string;
  /** The legal source of this version. */
  readonly source?: string;
}

export interface DistrictInfo {
  readonly code: string;
  readonly name: string;
  readonly seat: string;
  readonly settlements: readonly { readonly code: string; readonly name: string }[];
}

export interface DemoLogin {
  readonly sub: string;
  readonly role: string;
  readonly district: string;
  readonly settlements: readonly string[];
  readonly organisation?: string;
  readonly displayName: string;
}

export async function loadJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export class Reference {
  constructor(
    readonly codes: readonly Code[],
    readonly district: DistrictInfo | null,
  ) {}

  /** Codes valid today, in catalogue order. */
  list(list: string, on = today()): readonly Code[] {
    return this.codes.filter((c) => c.list === list && c.validFrom <= on && (c.validTo === undefined || on < c.validTo));
  }

  label(list: string, code: string | null | undefined, lang: Lang): string {
    if (!code) return '';
    const c = this.codes.find((x) => x.list === list && x.code === code);
    return c ? (lang === 'hu' ? c.labelHu : c.labelEn) : code;
  }

  settlementName(code: string | null | undefined): string {
    if (!code) return '';
    return this.district?.settlements.find((s) => s.code === code)?.name ?? code;
  }
}

export const ReferenceContext = createContext<Reference>(new Reference([], null));
export const useReference = () => useContext(ReferenceContext);
