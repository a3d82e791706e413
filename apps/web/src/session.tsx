import { createContext, useContext } from 'react';

export interface Claims {
  readonly sub: string;
  readonly role: string;
  readonly district: string;
  readonly settlements: readonly string[];
  readonly organisation?: string;
}

export interface Session {
  readonly token: string;
  readonly claims: Claims;
  readonly displayName: string;
  /** The service site the worker is working at now (one of the settlements in scope). */
  readonly site: string;
}

const KEY = 'kapocs.session';

/** Kept per tab: a token must not outlive the browser session. */
export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function storeSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

export interface SessionContextValue {
  readonly session: Session;
  /** Settlement codes the worker may choose as site: the token's, or the whole district for district-wide roles. */
  readonly sites: readonly string[];
  setSite(site: string): void;
  logout(): void;
  /** Last checkpoint of a command: the next query passes it as `after=`. */
  readonly checkpoint: string | undefined;
  setCheckpoint(c: string): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}

/** Remembered last-used values of a form (localStorage, per user), for the next entry's defaults. */
export function remembered<T extends object>(user: string, form: string): Partial<T> {
  try {
    return JSON.parse(localStorage.getItem(`kapocs.last.${user}.${form}`) ?? '{}') as Partial<T>;
  } catch {
    return {};
  }
}

export function remember<T extends object>(user: string, form: string, values: T): void {
  localStorage.setItem(`kapocs.last.${user}.${form}`, JSON.stringify(values));
}
