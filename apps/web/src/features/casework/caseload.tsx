import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { today, useReference } from '../../reference';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { useCasework } from './dictionary';
import { type Caseload, casePath, type Overview, type OverdueItem } from './model';

const SUPERVISORS = new Set(['head', 'district_worker', 'case_manager']);

function OverdueTable({ items, siteOf, caption }: { items: readonly OverdueItem[]; siteOf: (caseId: string) => string | undefined; caption: string }) {
  const c = useCasework();
  if (items.length === 0) return <p>{c.none}</p>;
  return (
    <table className="overdue">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.caseLink}</th>
          <th scope="col">{c.overdue}</th>
          <th scope="col">{c.dueOn}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((o, i) => {
          const site = o.site ?? siteOf(o.caseId);
          return (
            <tr key={`${o.caseId}-${o.kind}-${o.itemId ?? i}`}>
              <td>{site ? <Link to={casePath(site, o.caseId)}>{o.caseId.slice(0, 8)}</Link> : o.caseId.slice(0, 8)}</td>
              <td>
                {c.overdueKinds[o.kind] ?? o.kind}
                {o.escalated ? ` (${c.escalated})` : ''}
              </td>
              <td>{o.dueOn}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The worker's caseload: open cases, overdue deadlines, next meetings (ids and dates only: the read model has no names). */
export function CaseloadPage({ workerId }: { workerId?: string }) {
  const c = useCasework();
  const ref = useReference();
  const { session, checkpoint } = useSession();
  const [load, setLoad] = useState<Caseload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState(workerId ?? '');
  const [shown, setShown] = useState(workerId);
  const supervisor = SUPERVISORS.has(session.claims.role);

  const fetchLoad = useCallback(
    (who: string | undefined) =>
      api<Caseload>(`/districts/${session.claims.district}/caseload`, { query: { workerId: who, after: checkpoint } }).then((l) => {
        setLoad(l);
        setError(null);
      }, setError),
    [session.claims.district, checkpoint],
  );
  useEffect(() => {
    void fetchLoad(shown);
  }, [fetchLoad, shown]);

  const siteOf = (caseId: string) => load?.openCases.find((x) => x.caseId === caseId)?.site;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(other.trim() || undefined);
  };

  return (
    <section aria-labelledby="caseload-title" className="casework">
      <h1 id="caseload-title">{c.caseloadTitle}</h1>
      {supervisor && (
        <form className="grid" onSubmit={submit} aria-label={c.caseloadOf}>
          <Field label={c.caseloadOf}>{(id) => <input id={id} name="workerId" value={other} placeholder={session.claims.sub} onChange={(e) => setOther(e.target.value)} />}</Field>
          <div className="actions">
            <button type="submit">{c.show}</button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
      {!load && !error && <Status>{c.loading}</Status>}
      {load && (
        <>
          <Status>
            {c.count(load.openCases.length)} · {c.today}: {load.today}
          </Status>
          <h2>{c.overdue}</h2>
          <OverdueTable items={load.overdue} siteOf={siteOf} caption={c.overdue} />
          <h2>{c.nextMeetings}</h2>
          {load.nextMeetings.length === 0 ? (
            <p>{c.none}</p>
          ) : (
            <ul>
              {load.nextMeetings.map((m) => {
                const site = siteOf(m.caseId);
                return (
                  <li key={m.caseId}>
                    {m.on}: {site ? <Link to={casePath(site, m.caseId)}>{m.caseId.slice(0, 8)}</Link> : m.caseId.slice(0, 8)}
                  </li>
                );
              })}
            </ul>
          )}
          <h2>{c.openCases}</h2>
          {load.openCases.length === 0 ? (
            <p>{c.none}</p>
          ) : (
            <table className="caseload">
              <caption>{c.openCases}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.caseLink}</th>
                  <th scope="col">{c.careStarted}</th>
                  <th scope="col">{c.site}</th>
                  <th scope="col">{c.clientFile}</th>
                  <th scope="col">{c.activeAgeCount}</th>
                  <th scope="col">{c.nextMeetingOn}</th>
                </tr>
              </thead>
              <tbody>
                {load.openCases.map((x) => (
                  <tr key={x.caseId} data-case={x.caseId}>
                    <td>
                      <Link to={casePath(x.site, x.caseId)}>{x.caseId.slice(0, 8)}</Link>
                    </td>
                    <td>{x.openedOn}</td>
                    <td>{ref.settlementName(x.site)}</td>
                    <td>{x.clientId ? <Link to={`/clients/${x.site}/${x.clientId}`}>{c.clientFile}</Link> : c.erased}</td>
                    <td>{x.activeAge ? c.yes : c.no}</td>
                    <td>{x.nextMeetingOn ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** The head's overview: cases per settlement of the district, and the deadlines past the grace period. */
export function OverviewPage() {
  const c = useCasework();
  const ref = useReference();
  const { session } = useSession();
  const [settlement, setSettlement] = useState('');
  const [day, setDay] = useState(today());
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);

  const fetchOverview = useCallback(
    (s: string, d: string) =>
      api<Overview>(`/districts/${session.claims.district}/case-overview`, { query: { settlement: s || undefined, today: d } }).then((o) => {
        setData(o);
        setError(null);
      }, setError),
    [session.claims.district],
  );
  useEffect(() => {
    void fetchOverview('', today());
  }, [fetchOverview]);

  const settlements = ref.district?.settlements ?? [];
  const row = (label: string, r: Omit<Overview['total'], never>, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{r.openCases}</td>
      <td>{r.closedCases}</td>
      <td>{r.activeAgeCases}</td>
      <td>{r.overdue}</td>
      <td>{r.escalated}</td>
    </tr>
  );
  return (
    <section aria-labelledby="overview-title" className="casework">
      <h1 id="overview-title">{c.overviewTitle}</h1>
      <form
        className="grid"
        aria-label={c.overviewTitle}
        onSubmit={(e) => {
          e.preventDefault();
          void fetchOverview(settlement, day);
        }}
      >
        <Field label={c.settlement}>
          {(id) => (
            <select id={id} value={settlement} onChange={(e) => setSettlement(e.target.value)}>
              <option value="">{c.allSettlements}</option>
              {settlements.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={c.today}>{(id) => <input id={id} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}</Field>
        <div className="actions">
          <button type="submit">{c.show}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {!data && !error && <Status>{c.loading}</Status>}
      {data && (
        <>
          <table className="overview">
            <caption>
              {ref.district?.name ?? data.district} · {data.today}
            </caption>
            <thead>
              <tr>
                <th scope="col">{c.settlement}</th>
                <th scope="col">{c.openCount}</th>
                <th scope="col">{c.closedCount}</th>
                <th scope="col">{c.activeAgeCount}</th>
                <th scope="col">{c.overdueCount}</th>
                <th scope="col">{c.escalatedCount}</th>
              </tr>
            </thead>
            <tbody>{data.settlements.map((s) => row(`${ref.settlementName(s.site)} (${s.site})`, s, s.site))}</tbody>
            <tfoot>{row(c.total, data.total, 'total')}</tfoot>
          </table>
          <h2>{c.escalatedItems}</h2>
          <OverdueTable items={data.escalatedItems} siteOf={() => undefined} caption={c.escalatedItems} />
        </>
      )}
    </section>
  );
}
