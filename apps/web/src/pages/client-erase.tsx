import { type FormEvent, useEffect, useState } from 'react';
import { api, type CommandReply } from '../api';
import { useIntakeForms } from '../features/intake/dictionary';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';
import type { ClientFile } from './client-file';
import type { RegisterRow } from './search';

/**
 * Törlés (Szt. 23. §), the head's decision alone: a page of its own, the consequences spelt out, and the individual
 * id typed as confirmation, so that no stray Enter erases anyone. The intake service records ClientErased and shreds
 * the client's key; the register and the client file no longer show the person.
 */
export function EraseClientPage({ site, clientId }: { site: string; clientId: string }) {
  const { t } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const [client, setClient] = useState<RegisterRow | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const path = `/districts/${session.claims.district}/settlements/${site}/clients/${clientId}`;
  const isHead = session.claims.role === 'head';

  const [initialAfter] = useState(checkpoint);
  useEffect(() => {
    api<ClientFile>(path, { query: { after: initialAfter } }).then((r) => setClient(r.client), setError);
  }, [path, initialAfter]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!client) return;
    if (typed.trim() !== client.individualId) {
      setError(new Error(f.eraseMismatch));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await api<CommandReply>(`${path}/erasure`, { method: 'POST', body: {} });
      setCheckpoint(reply.checkpoint);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="erase-title">
      <h1 id="erase-title">{f.eraseTitle}</h1>
      {done ? (
        <>
          <Status>{f.erased}</Status>
          <p>
            <Link to="/clients">{t.navSearch}</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            <Link to={`/clients/${site}/${clientId}`}>{f.backToFile}</Link>
          </p>
          {!isHead && <p className="flag">{f.eraseHeadOnly}</p>}
          {!client && !error && <Status>{t.loading}</Status>}
          {client && (
            <form onSubmit={(e) => void submit(e)} aria-labelledby="erase-title" aria-describedby="erase-explain">
              <dl className="identity">
                <div>
                  <dt>{t.name}</dt>
                  <dd>{client.name}</dd>
                </div>
                <div>
                  <dt>{t.birthDate}</dt>
                  <dd>{client.birthDate}</dd>
                </div>
                <div>
                  <dt>{t.individualId}</dt>
                  <dd>{client.individualId}</dd>
                </div>
                <div>
                  <dt>{t.site}</dt>
                  <dd>{ref.settlementName(client.site)}</dd>
                </div>
              </dl>
              <div className="warning" id="erase-explain">
                <p>{f.eraseExplain}</p>
              </div>
              <div className="grid">
                <Field label={f.eraseTypeId(client.individualId)} required>
                  {(id) => (
                    <input
                      id={id}
                      name="confirmIndividualId"
                      required
                      autoComplete="off"
                      inputMode="numeric"
                      autoFocus
                      value={typed}
                      onChange={(e) => setTyped(e.target.value)}
                    />
                  )}
                </Field>
                <div className="actions">
                  <button type="submit" className="danger" disabled={busy || !isHead}>
                    {f.eraseSubmit}
                  </button>
                </div>
              </div>
            </form>
          )}
        </>
      )}
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : ''}</Status>
    </section>
  );
}
