import { Fragment, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, setApiLang, setApiToken } from './api';
import { DICTIONARIES, I18nContext, type Lang, useI18n } from './i18n';
import { FEATURES } from './features/index';
import { setSignalCodeSource } from './features/signals/codes';
import { LoginPage } from './pages/login';
import { type Code, type DistrictInfo, loadJson, Reference, ReferenceContext, useReference } from './reference';
import { Link, navigate, useLocation } from './router';
import { loadSession, type Session, SessionContext, type SessionContextValue, storeSession, useSession } from './session';

const DISTRICT_WIDE = new Set(['district_worker', 'case_manager', 'head', 'county_analyst', 'operator']);

function initialLang(): Lang {
  const stored = localStorage.getItem('kapocs.lang');
  return stored === 'en' ? 'en' : 'hu';
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | null>(loadSession);
  const [codes, setCodes] = useState<readonly Code[]>([]);
  const [district, setDistrict] = useState<DistrictInfo | null>(null);
  const [checkpoint, setCheckpoint] = useState<string | undefined>();

  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('kapocs.lang', l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLang(lang);
  }, [lang]);
  setApiToken(session?.token ?? null);

  const token = session?.token;
  useEffect(() => {
    // Once logged in, the live code lists (shipped files + operator versions, ADR-0009); before, the shipped ones.
    const live = token ? api<{ codes: Code[] }>('/reference/code-lists').then((r) => r.codes) : Promise.reject(new Error('no session'));
    void live.catch(() => loadJson<Code[]>('/reference/codes.json')).then(setCodes, () => setCodes([]));
  }, [token]);
  useEffect(() => {
    if (!session) return;
    void loadJson<DistrictInfo>(`/reference/districts/${session.claims.district}.json`).then(setDistrict, () => setDistrict(null));
  }, [session?.claims.district]);

  const reference = useMemo(() => new Reference(codes, district), [codes, district]);
  // The signal pick lists read the same reference data (features/signals/codes.tsx).
  setSignalCodeSource(reference);
  const i18n = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang, setLang]);

  const login = (s: Session) => {
    storeSession(s);
    setSession(s);
    navigate('/', true);
  };

  const value = useMemo((): SessionContextValue | null => {
    if (!session) return null;
    const wide = DISTRICT_WIDE.has(session.claims.role) && session.claims.settlements.length === 0;
    const sites = wide ? (district?.settlements.map((s) => s.code) ?? [session.site]) : session.claims.settlements;
    return {
      session,
      sites,
      setSite: (site) => {
        const next = { ...session, site };
        storeSession(next);
        setSession(next);
      },
      logout: () => {
        storeSession(null);
        setSession(null);
        navigate('/', true);
      },
      checkpoint,
      setCheckpoint,
    };
  }, [session, district, checkpoint]);

  const location = useLocation();
  const publicPage = publicPageFor(location);

  return (
    <I18nContext.Provider value={i18n}>
      <ReferenceContext.Provider value={reference}>
        {publicPage ? (
          <Frame>{publicPage}</Frame>
        ) : value ? (
          <SessionContext.Provider value={value}>
            <Shell />
          </SessionContext.Provider>
        ) : (
          <Frame>
            <LoginPage onLogin={login} />
          </Frame>
        )}
      </ReferenceContext.Provider>
    </I18nContext.Provider>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang">
      <label htmlFor="lang-select">{t.language}</label>
      <select id="lang-select" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="hu" lang="hu">
          Magyar
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}

interface FrameProps {
  readonly children: ReactNode;
  readonly header?: ReactNode;
  readonly nav?: ReactNode;
}

function Frame({ children, header, nav }: FrameProps) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip" href="#main">
        {t.skip}
      </a>
      <header className="top">
        <span className="brand">{t.appName}</span>
        {header}
        <LanguageSwitch />
      </header>
      {nav}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function Context() {
  const { session, sites, setSite, logout } = useSession();
  const { t } = useI18n();
  const ref = useReference();
  return (
    <div className="context">
      <span>
        {session.displayName} · {t.district}: {ref.district?.name ?? session.claims.district}
      </span>
      {/* A signal-system member acts as its organisation, not in a settlement: no staff settlement picker. */}
      {session.claims.role !== 'signal_member' && (
        <>
          <label htmlFor="site-select">{t.settlement}</label>
          <select id="site-select" value={session.site} onChange={(e) => setSite(e.target.value)}>
            {sites.map((s) => (
              <option key={s} value={s}>
                {ref.settlementName(s)} ({s})
              </option>
            ))}
          </select>
        </>
      )}
      <button type="button" onClick={logout}>
        {t.logout}
      </button>
    </div>
  );
}


/** A page reachable without login (the public signal form), whatever the session. */
function publicPageFor(location: URL): ReactNode | undefined {
  for (const f of FEATURES) {
    const page = f.publicRoute?.(location.pathname, location.searchParams);
    if (page !== undefined) return page;
  }
  return undefined;
}

function Shell() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const path = location.pathname;
  let page: ReactNode = undefined;
  for (const f of FEATURES) {
    page = f.route(path, location.searchParams);
    if (page !== undefined) break;
  }
  page ??= <p>{t.notFound}</p>;

  // Each navigation moves focus to the main region, so keyboard and screen-reader users start at the new page.
  // A page that focused its first field itself keeps that focus (effects of children run first).
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [path]);

  const items = FEATURES.flatMap((f) => f.nav(lang, session.claims.role));
  const nav = (
    <nav aria-label={t.appName} className="nav">
      {items.map((i) => (
        <Link key={i.to} to={i.to}>
          {i.label}
        </Link>
      ))}
    </nav>
  );
  return (
    <Frame
      header={
        <>
          <Context />
          {FEATURES.map((f) => (
            <Fragment key={f.id}>{f.shellItem?.(session.claims.role)}</Fragment>
          ))}
        </>
      }
      nav={nav}
    >
      {page}
    </Frame>
  );
}
