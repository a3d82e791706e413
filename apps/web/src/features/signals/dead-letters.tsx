import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorMessage, Status } from '../../ui';
import { useSignalsT } from './dictionary';
import { formatInstant } from './signals-api';

/** A notification that could not be delivered (notification service; no addresses or names, by design). */
interface DeadLetter {
  readonly id: string;
  readonly channel: string;
  readonly kind: string;
  readonly reference?: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError?: string;
  readonly reason?: string;
  readonly updatedAt: string;
}

/** The operator's dead-letter view: undelivered e-mails with the reason, and a retry. */
export function DeadLettersPage() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const [rows, setRows] = useState<readonly DeadLetter[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    try {
      setRows((await api<{ items: DeadLetter[] }>('/operator/notifications/dead-letters', { query: { limit: '200' } })).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const retry = async (id: string) => {
    setError(null);
    try {
      await api(`/operator/notifications/dead-letters/${id}/retry`, { method: 'POST' });
      setStatus(t.retried);
      await load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="sig-dead-title">
      <h1 id="sig-dead-title">{t.deadLettersTitle}</h1>
      <ErrorMessage error={error} />
      <Status>{status || (rows === null ? t.loading : rows.length === 0 ? t.noDeadLetters : '')}</Status>
      {rows && rows.length > 0 && (
        <div className="sig-table-wrap">
          <table className="results">
            <thead>
              <tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{t.deadKind}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.deadAttempts}</th>
                <th scope="col">{t.deadReason}</th>
                <th scope="col">{t.deadUpdated}</th>
                <th scope="col">
                  <span className="sig-visually-hidden">{t.retry}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.reference ?? '–'}</td>
                  <td>
                    {r.channel} · {r.kind}
                  </td>
                  <td>{r.status}</td>
                  <td>{r.attempts}</td>
                  <td>{r.reason ?? r.lastError ?? ''}</td>
                  <td>{formatInstant(r.updatedAt, lang)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void retry(r.id)}>
                      {t.retry}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
