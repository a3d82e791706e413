import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';

/** One row of the client register (RegisterRow of @kapocs/projector/contracts, the fields the UI shows). */
export interface RegisterRow {
  readonly clientId: string;
  readonly site: string;
  readonly registerYear: number;
  readonly registerNumber: number;
  readonly individualId: string;
  readonly name: string | null;
  readonly birthName: string | null;
  readonly mothersName: string | null;
  readonly birthPlace: string | null;
  readonly birthDate: string | null;
  readonly birthYear: number;
  readonly taj: string | null;
  readonly sex: string;
  readonly citizenship: string;
  readonly residenceSettlement: string | null;
  readonly residenceAddress: string | null;
  readonly staySettlement: string | null;
  readonly stayAddress: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly economicActivity: string | null;
  readonly education: string | null;
  readonly familyStatus: string | null;
  readonly householdId: string | null;
  readonly householdRelation: string | null;
  readonly registeredOn: string;
  readonly consent: boolean;
  readonly serviceStartedOn?: string | null;
  readonly serviceEndedOn?: string | null;
  readonly mergedClientIds?: readonly string[];
  /** The client stream's version: sent as If-Match by corrections. */
  readonly version?: string;
}

export function SearchPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { session, sites, checkpoint } = useSession();
  const [q, setQ] = useState({ q: '', taj: '', birthDate: '', settlement: '' });
  const [rows, setRows] = useState<readonly RegisterRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await api<{ clients: RegisterRow[] }>(`/districts/${session.claims.district}/clients`, {
        query: { ...q, after: checkpoint },
      });
      setRows(res.clients);
    } catch (err) {
      setError(err);
      setRows(null);
    }
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t.searchTitle}</h1>
      <form role="search" onSubmit={(e) => void submit(e)} className="grid">
        <Field label={t.name}>
          {(id) => <input id={id} name="q" autoFocus value={q.q} onChange={(e) => setQ({ ...q, q: e.target.value })} />}
        </Field>
        <Field label={t.taj}>
          {(id) => <input id={id} name="taj" inputMode="numeric" value={q.taj} onChange={(e) => setQ({ ...q, taj: e.target.value })} />}
        </Field>
        <Field label={t.birthDate}>
          {(id) => <input id={id} name="birthDate" type="date" value={q.birthDate} onChange={(e) => setQ({ ...q, birthDate: e.target.value })} />}
        </Field>
        <Field label={t.settlement}>
          {(id) => (
            <select id={id} name="settlement" value={q.settlement} onChange={(e) => setQ({ ...q, settlement: e.target.value })}>
              <option value="">{t.anySettlement}</option>
              {sites.map((s) => (
                <option key={s} value={s}>
                  {ref.settlementName(s)} ({s})
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit">{t.search}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <Status>{rows ? (rows.length ? t.results(rows.length) : t.noResults) : ''}</Status>
      {rows && rows.length > 0 && <ClientTable rows={rows} />}
    </section>
  );
}

export function ClientTable({ rows }: { rows: readonly RegisterRow[] }) {
  const { t } = useI18n();
  const ref = useReference();
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.birthDate}</th>
          <th scope="col">{t.mothersName}</th>
          <th scope="col">{t.taj}</th>
          <th scope="col">{t.site}</th>
          <th scope="col">{t.individualId}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.clientId}>
            <td>
              <Link to={`/clients/${r.site}/${r.clientId}`}>{r.name ?? r.individualId}</Link>
              {!r.consent && <span className="flag"> · {t.consentMissing}</span>}
            </td>
            <td>{r.birthDate ?? r.birthYear}</td>
            <td>{r.mothersName}</td>
            <td>{r.taj}</td>
            <td>{ref.settlementName(r.site)}</td>
            <td>{r.individualId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
