import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { type DemoLogin, type DistrictInfo, loadJson } from '../reference';
import type { Claims, Session } from '../session';
import { ErrorMessage, Field } from '../ui';

const ROLES = ['settlement_worker', 'district_worker', 'case_manager', 'head', 'signal_member', 'county_analyst', 'operator'];

/** The first site: the token's first settlement, else the district seat (district-wide roles). */
async function firstSite(claims: Claims): Promise<string> {
  if (claims.settlements[0]) return claims.settlements[0];
  const d = await loadJson<DistrictInfo>(`/reference/districts/${claims.district}.json`).catch(() => null);
  return d?.settlements.find((s) => s.name === d.seat)?.code ?? d?.settlements[0]?.code ?? '';
}

const claimsOf = (d: DemoLogin): Claims => ({
  sub: d.sub,
  role: d.role,
  district: d.district,
  settlements: d.settlements,
  ...(d.organisation ? { organisation: d.organisation } : {}),
});

/** Login through the development issuer of the embedded default (POST /api/v1/dev/token). */
export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t } = useI18n();
  const [demo, setDemo] = useState<readonly DemoLogin[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [custom, setCustom] = useState({ sub: '', role: 'settlement_worker', district: '121', settlements: '', organisation: '' });

  useEffect(() => {
    void loadJson<DemoLogin[]>('/reference/demo-logins.json').then(setDemo, () => setDemo([]));
  }, []);

  const login = async (claims: Claims, displayName: string) => {
    setBusy(true);
    setError(null);
    try {
      const { access_token } = await api<{ access_token: string }>('/dev/token', { method: 'POST', body: { ...claims, name: displayName.replace(/\s*\(.*\)\s*$/, '') } });
      onLogin({ token: access_token, claims, displayName, site: await firstSite(claims) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitCustom = (e: FormEvent) => {
    e.preventDefault();
    const settlements = custom.settlements
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const claims: Claims = {
      sub: custom.sub,
      role: custom.role,
      district: custom.district,
      settlements,
      ...(custom.organisation ? { organisation: custom.organisation } : {}),
    };
    void login(claims, custom.sub);
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t.loginTitle}</h1>
      <p>{t.loginIntro}</p>
      <ErrorMessage error={error} />
      <h2>{t.demoLogins}</h2>
      <ul className="demo-logins">
        {demo.map((d) => (
          <li key={d.sub}>
            <button type="button" disabled={busy} onClick={() => void login(claimsOf(d), d.displayName)} data-sub={d.sub}>
              {d.displayName}
            </button>
          </li>
        ))}
      </ul>
      <h2>{t.customClaims}</h2>
      <form onSubmit={submitCustom} className="grid">
        <Field label={t.userId} required>
          {(id) => <input id={id} required value={custom.sub} onChange={(e) => setCustom({ ...custom, sub: e.target.value })} />}
        </Field>
        <Field label={t.role} required>
          {(id) => (
            <select id={id} value={custom.role} onChange={(e) => setCustom({ ...custom, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.district} required>
          {(id) => (
            <input
              id={id}
              required
              inputMode="numeric"
              pattern="\d{3}"
              value={custom.district}
              onChange={(e) => setCustom({ ...custom, district: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.settlementCodes}>
          {(id) => <input id={id} value={custom.settlements} onChange={(e) => setCustom({ ...custom, settlements: e.target.value })} />}
        </Field>
        <Field label={t.organisation}>
          {(id) => <input id={id} value={custom.organisation} onChange={(e) => setCustom({ ...custom, organisation: e.target.value })} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.loginAs}
          </button>
        </div>
      </form>
    </section>
  );
}
