import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { today, useReference } from '../../reference';
import { useSession } from '../../session';
import { ErrorMessage, Field } from '../../ui';
import { codeLabel, type SignalCodeListName } from './codes';
import { useSignalsT } from './dictionary';
import type { SignalStatistics, StatisticsCount } from './signals-api';

/** Jelzőrendszeri statisztika for any period: what the annual action plan and the signal-system meeting need. */
export function StatisticsPage() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const ref = useReference();
  const { session, sites, checkpoint } = useSession();
  const [q, setQ] = useState({ from: `${today().slice(0, 4)}-01-01`, to: today(), settlement: session.claims.settlements.length ? session.site : '' });
  const [stats, setStats] = useState<SignalStatistics | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setStats(await api<SignalStatistics>(`/districts/${session.claims.district}/signal-statistics`, { query: { ...q, after: checkpoint } }));
    } catch (err) {
      setError(err);
    }
  };

  const kindLabel = (k?: string) => (k ? (t.subjectKinds[k] ?? k) : '');
  const table = (caption: string, rows: readonly StatisticsCount[], label: (key: string) => string) => (
    <div className="sig-table-wrap">
      <table className="results">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            {rows.some((r) => r.subjectKind) && <th scope="col">{t.about}</th>}
            <th scope="col">{t.count}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key}-${r.subjectKind ?? ''}`}>
              <td>{label(r.key)}</td>
              {rows.some((x) => x.subjectKind) && <td>{kindLabel(r.subjectKind)}</td>}
              <td>{r.signals}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const code = (list: SignalCodeListName) => (key: string) => codeLabel(list, key, lang);

  return (
    <section aria-labelledby="sig-stats-title">
      <h1 id="sig-stats-title">{t.statisticsTitle}</h1>
      <form className="grid" onSubmit={(e) => void submit(e)}>
        <Field label={t.from} required>
          {(id) => <input id={id} name="from" type="date" required value={q.from} onChange={(e) => setQ({ ...q, from: e.target.value })} />}
        </Field>
        <Field label={t.to} required>
          {(id) => <input id={id} name="to" type="date" required value={q.to} onChange={(e) => setQ({ ...q, to: e.target.value })} />}
        </Field>
        <Field label={t.settlement}>
          {(id) => (
            <select id={id} name="settlement" value={q.settlement} onChange={(e) => setQ({ ...q, settlement: e.target.value })}>
              {session.claims.settlements.length === 0 && <option value="">{t.allSettlements}</option>}
              {sites.map((s) => (
                <option key={s} value={s}>
                  {ref.settlementName(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit">{t.refresh}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {stats && (
        <>
          <dl className="identity sig-totals" aria-live="polite">
            <dt>{t.total}</dt>
            <dd data-testid="stat-total">{stats.total}</dd>
            <dt>{t.criticalCount}</dt>
            <dd>{stats.critical}</dd>
            <dt>{t.openCount}</dt>
            <dd>{stats.handling.open}</dd>
            <dt>{t.closedCount}</dt>
            <dd>{stats.handling.closed}</dd>
            <dt>{t.medianFirst}</dt>
            <dd>{stats.handling.medianDaysToFirstMeasure ?? '–'}</dd>
            <dt>{t.medianClose}</dt>
            <dd>{stats.handling.medianDaysToClose ?? '–'}</dd>
          </dl>
          {table(t.byKind, stats.bySubjectKind, kindLabel)}
          {table(t.byMember, stats.byMemberCategory, code('memberCategory'))}
          {table(t.bySettlement, stats.bySettlement, (k) => ref.settlementName(k))}
          {table(t.byCategory, stats.byCategory, code('endangerment'))}
          {table(t.byChannel, stats.byChannel, code('channel'))}
        </>
      )}
    </section>
  );
}
