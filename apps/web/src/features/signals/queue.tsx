import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { Link, navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { codeLabel } from './codes';
import { useSignalsT } from './dictionary';
import { formatInstant, type MatchAlert, type Queue, type QueueItem } from './signals-api';

/** Urgent first, then overdue, then by deadline and age: the order a worker should take them in. */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  const open = (i: QueueItem) => (i.status === 'closed' ? 1 : 0);
  return (
    open(a) - open(b) ||
    Number(b.critical) - Number(a.critical) ||
    Number(b.overdue) - Number(a.overdue) ||
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
    a.submittedAt.localeCompare(b.submittedAt)
  );
}

/** Jelzések: the settlement service's queue or the whole district's (district-wide roles), with match alerts. */
export function QueuePage() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const ref = useReference();
  const { session, sites, checkpoint } = useSession();
  const districtWide = session.claims.settlements.length === 0;
  const [scope, setScope] = useState(districtWide ? '' : session.site);
  const [withClosed, setWithClosed] = useState(false);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [alerts, setAlerts] = useState<readonly MatchAlert[]>([]);
  const [error, setError] = useState<unknown>(null);
  const d = session.claims.district;

  const load = useCallback(async () => {
    setError(null);
    try {
      const settlement = scope || undefined;
      const [q, a] = await Promise.all([
        api<Queue>(`/districts/${d}/signal-queue`, { query: { settlement, after: checkpoint } }),
        api<MatchAlert[]>(`/districts/${d}/signal-alerts`, { query: { settlement, after: checkpoint } }),
      ]);
      setQueue(q);
      setAlerts(a);
    } catch (e) {
      setError(e);
    }
  }, [d, scope, checkpoint]);
  useEffect(() => void load(), [load]);

  const items = [...(queue?.items ?? [])].filter((i) => withClosed || i.status !== 'closed').sort(queueOrder);
  const referenceOf = (signalId: string) => queue?.items.find((i) => i.signalId === signalId);
  return (
    <section aria-labelledby="sig-queue-title">
      <h1 id="sig-queue-title">{t.queueTitle}</h1>
      <div className="sig-inline">
        <Field label={t.queueScope}>
          {(id) => (
            <select id={id} name="scope" value={scope} onChange={(e) => setScope(e.target.value)}>
              {districtWide && <option value="">{t.queueDistrict}</option>}
              {sites.map((s) => (
                <option key={s} value={s}>
                  {t.queueSettlement}: {ref.settlementName(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={withClosed} onChange={(e) => setWithClosed(e.target.checked)} />
          {t.showClosed}
        </label>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t.refresh}
        </button>
      </div>
      <ErrorMessage error={error} />
      <Status>{queue ? t.queueCount(items.length) : t.loading}</Status>
      {alerts.length > 0 && (
        <div className="warning" role="region" aria-labelledby="sig-alerts-title">
          <h2 id="sig-alerts-title">{t.alertsTitle}</h2>
          <ul>
            {alerts.map((a) => {
              const item = referenceOf(a.signalId);
              return (
                <li key={a.alertId}>
                  {t.alertKinds[a.kind] ?? a.kind}
                  {item && (
                    <>
                      {': '}
                      <Link to={`/signals/${item.settlement}/${item.reference}`}>{item.reference}</Link>
                    </>
                  )}{' '}
                  · {formatInstant(a.raisedAt, lang)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {items.length > 0 && (
        <div className="sig-table-wrap">
          <table className="results sig-queue">
            <thead>
              <tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.about}</th>
                <th scope="col">{t.categories}</th>
                <th scope="col">{t.settlement}</th>
                <th scope="col">{t.channel}</th>
                <th scope="col">{t.memberCategory}</th>
                <th scope="col">{t.submittedAt}</th>
                <th scope="col">{t.assignedTo}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.signalId} className={[i.critical ? 'sig-critical' : '', i.overdue ? 'sig-overdue' : ''].join(' ').trim() || undefined} data-reference={i.reference}>
                  <td>
                    <Link to={`/signals/${i.settlement}/${i.reference}`}>{i.reference}</Link>
                    {i.critical && <span className="sig-badge sig-badge-critical"> {t.critical}</span>}
                  </td>
                  <td>{t.signalStatuses[i.status] ?? i.status}</td>
                  <td>
                    {i.dueOn}
                    {i.overdue && <span className="sig-badge sig-badge-overdue"> {t.overdue}</span>}
                    {i.escalated && <span className="sig-badge sig-badge-overdue"> {t.escalated}</span>}
                  </td>
                  <td>{t.subjectKinds[i.subjectKind]}</td>
                  <td>{i.categories.map((c) => codeLabel('endangerment', c, lang)).join(', ')}</td>
                  <td>{ref.settlementName(i.settlement)}</td>
                  <td>{codeLabel('channel', i.channel, lang)}</td>
                  <td>{codeLabel('memberCategory', i.memberCategory, lang)}</td>
                  <td>{formatInstant(i.submittedAt, lang)}</td>
                  <td>{i.assignedTo}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `/signals/<signalId>` (the link of a staff notification): finds the signal in the caller's queue and opens it. */
export function SignalByIdPage({ signalId }: { signalId: string }) {
  const t = useSignalsT();
  const { session, checkpoint } = useSession();
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Queue>(`/districts/${session.claims.district}/signal-queue`, { query: { after: checkpoint } }).then((q) => {
      const item = q.items.find((i) => i.signalId === signalId);
      if (item) navigate(`/signals/${item.settlement}/${item.reference}`, true);
      else setMissing(true);
    }, setError);
  }, [signalId, session.claims.district, checkpoint]);
  return (
    <section aria-labelledby="sig-byid-title">
      <h1 id="sig-byid-title">{t.queueTitle}</h1>
      <ErrorMessage error={error} />
      <Status>{missing ? t.triageNotFound : t.loading}</Status>
    </section>
  );
}
