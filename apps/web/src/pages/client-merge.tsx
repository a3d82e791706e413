import { type FormEvent, useEffect, useState } from 'react';
import { api, type CommandReply } from '../api';
import { useIntakeForms } from '../features/intake/dictionary';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';
import type { ClientFile } from './client-file';
import type { RegisterRow } from './search';

const COMPARED = ['name', 'birthName', 'mothersName', 'birthPlace', 'birthDate', 'taj', 'residenceAddress', 'individualId', 'registeredOn'] as const;

interface Props {
  readonly site: string;
  readonly clientId: string;
  /** The other entry, when the page is opened from a duplicate warning. */
  readonly otherId?: string;
  readonly otherSite?: string;
}

/**
 * Összevonás: two register entries of the same person. The worker finds the other entry (or comes with it from a
 * duplicate warning), compares them, picks the surviving one and confirms with a reason. The survivor's version is
 * sent as If-Match; both histories are kept by the intake service.
 */
export function MergeClientsPage({ site, clientId, otherId, otherSite }: Props) {
  const { t } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const district = session.claims.district;
  const [self, setSelf] = useState<RegisterRow | null>(null);
  const [other, setOther] = useState<RegisterRow | null>(null);
  const [query, setQuery] = useState({ q: '', taj: '', birthDate: '' });
  const [found, setFound] = useState<readonly RegisterRow[] | null>(null);
  const [keep, setKeep] = useState<'self' | 'other'>('self');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileOf = (s: string, id: string) => api<ClientFile>(`/districts/${district}/settlements/${s}/clients/${id}`, { query: { after: checkpoint } });

  const [initial] = useState({ clientId, site, otherId, otherSite });
  useEffect(() => {
    fileOf(initial.site, initial.clientId).then((r) => {
      setSelf(r.client);
      setQuery({ q: r.client.name ?? '', taj: '', birthDate: r.client.birthDate ?? '' });
    }, setError);
    if (initial.otherId && initial.otherSite) fileOf(initial.otherSite, initial.otherId).then((r) => setOther(r.client), setError);
    // Loads once: the ids come from the address.
  }, [initial]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ clients: RegisterRow[] }>(`/districts/${district}/clients`, { query: { ...query, after: checkpoint } });
      setFound(r.clients.filter((c) => c.clientId !== clientId));
    } catch (err) {
      setError(err);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!self || !other) return;
    if (!confirmed) {
      setError(new Error(f.mergeConfirmMissing));
      return;
    }
    const [survivor, merged] = keep === 'self' ? [self, other] : [other, self];
    setBusy(true);
    setError(null);
    try {
      const reply = await api<CommandReply>(`/districts/${district}/settlements/${survivor.site}/clients/${survivor.clientId}/merge`, {
        method: 'POST',
        body: { mergedClientId: merged.clientId, reason: reason.trim() },
        ifMatch: survivor.version ?? '0',
      });
      setCheckpoint(reply.checkpoint);
      navigate(`/clients/${survivor.site}/${survivor.clientId}?after=${encodeURIComponent(reply.checkpoint)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const describe = (c: RegisterRow) => `${c.name ?? ''} (${c.individualId}, ${ref.settlementName(c.site)})`;
  const label = (k: string) => (t as Record<string, unknown>)[k] as string;
  return (
    <section aria-labelledby="merge-title">
      <h1 id="merge-title">{f.mergeTitle}</h1>
      <p>
        <Link to={`/clients/${site}/${clientId}`}>{f.backToFile}</Link>
      </p>
      <p>{f.mergeExplain}</p>
      {!self && !error && <Status>{t.loading}</Status>}
      {self && !other && (
        <>
          <h2 id="merge-find">{f.findOther}</h2>
          <form className="grid" onSubmit={(e) => void search(e)} aria-labelledby="merge-find">
            <Field label={t.name}>
              {(id) => <input id={id} name="q" autoFocus value={query.q} onChange={(e) => setQuery({ ...query, q: e.target.value })} />}
            </Field>
            <Field label={t.taj}>
              {(id) => <input id={id} name="taj" inputMode="numeric" value={query.taj} onChange={(e) => setQuery({ ...query, taj: e.target.value })} />}
            </Field>
            <Field label={t.birthDate}>
              {(id) => <input id={id} name="birthDate" type="date" value={query.birthDate} onChange={(e) => setQuery({ ...query, birthDate: e.target.value })} />}
            </Field>
            <div className="actions">
              <button type="submit">{t.search}</button>
            </div>
          </form>
          {found && <Status>{found.length ? t.results(found.length) : t.noResults}</Status>}
          {found && found.length > 0 && (
            <ul className="choices" aria-label={f.chooseOther}>
              {found.map((c) => (
                <li key={c.clientId}>
                  <button type="button" className="secondary" onClick={() => setOther(c)}>
                    {f.chooseOther}: {describe(c)}, {c.birthDate ?? c.birthYear}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {self && other && (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="merge-title">
          {other.clientId === self.clientId && <p className="flag">{f.mergeSame}</p>}
          <table className="compare">
            <caption>{f.compare}</caption>
            <thead>
              <tr>
                <th scope="col">{f.field}</th>
                <th scope="col">{f.thisEntry}</th>
                <th scope="col">{f.otherEntry}</th>
              </tr>
            </thead>
            <tbody>
              {COMPARED.map((k) => (
                <tr key={k} className={(self[k] ?? '') !== (other[k] ?? '') ? 'differs' : undefined}>
                  <th scope="row">{label(k)}</th>
                  <td>{self[k] ?? ''}</td>
                  <td>{other[k] ?? ''}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.site}</th>
                <td>{ref.settlementName(self.site)}</td>
                <td>{ref.settlementName(other.site)}</td>
              </tr>
            </tbody>
          </table>
          <fieldset>
            <legend>{f.survivor}</legend>
            <label className="check">
              <input type="radio" name="keep" checked={keep === 'self'} onChange={() => setKeep('self')} autoFocus /> {f.keepThis}: {describe(self)}
            </label>
            <label className="check">
              <input type="radio" name="keep" checked={keep === 'other'} onChange={() => setKeep('other')} /> {f.keepOther}: {describe(other)}
            </label>
          </fieldset>
          <div className="grid">
            <Field label={f.reason} required hint={f.reasonHint}>
              {(id, hint) => (
                <textarea id={id} name="reason" required rows={2} maxLength={1000} aria-describedby={hint} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </Field>
          </div>
          <p>
            <label className="check">
              <input type="checkbox" name="confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {f.mergeConfirm}
            </label>
          </p>
          <div className="actions">
            <button type="submit" disabled={busy || other.clientId === self.clientId}>
              {f.mergeSubmit}
            </button>
            {!otherId && (
              <button type="button" className="secondary" onClick={() => setOther(null)}>
                {f.back}
              </button>
            )}
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : ''}</Status>
    </section>
  );
}
