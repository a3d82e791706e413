import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api, download, uuid } from '../../api';
import { useI18n } from '../../i18n';
import { today, useReference } from '../../reference';
import { Link, navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorMessage, Status } from '../../ui';
import { AgreementForm, DatedTextForm, EvaluateGoalForm, GoalForm, MeasureForm, ProblemForm, type Send } from './case-forms';
import { EntryList, goalsOf, Lines, OverdueList, str } from './case-entries';
import { useCasework } from './dictionary';
import { type CaseCommandReply, type CaseLog, casePath } from './model';

type Action = 'problem' | 'goal' | 'agreement' | 'measure' | 'process' | 'check' | 'handover' | 'close' | 'reopen' | 'meeting' | 'yearly' | 'breach' | `evaluate:${string}`;

/**
 * Esetnapló of one case: cover page from the register, the inner content by section with the commands of each, a
 * timeline, "as of a date" (read-only) and the PDF. Every command names the version shown (If-Match): a stale page
 * gets the Hungarian 412 message and a reload button instead of overwriting another worker's entry.
 */
export function CasePage({ site, caseId, asOf }: { site: string; caseId: string; asOf?: string }) {
  const c = useCasework();
  const { lang } = useI18n();
  const ref = useReference();
  const { session, setCheckpoint } = useSession();
  const [log, setLog] = useState<CaseLog | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [view, setView] = useState<'sections' | 'timeline'>('sections');
  const [status, setStatus] = useState('');
  const [asOfInput, setAsOfInput] = useState(asOf ?? today());
  const path = `/districts/${session.claims.district}/settlements/${site}/cases/${caseId}`;

  const load = useCallback(
    () =>
      api<CaseLog>(path, { query: { asOf } }).then(
        (l) => {
          setLog(l);
          setError(null);
        },
        setError,
      ),
    [path, asOf],
  );
  useEffect(() => {
    void load();
  }, [load]);

  /** Back to the button that opened the form, so keyboard users continue where they were. */
  const refocus = (a: Action | null) => {
    if (a === null) return;
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-action="${a}"]`)?.focus());
  };
  const send: Send = async (suffix, body) => {
    if (!log) return;
    const reply = await api<CaseCommandReply>(`${path}/${suffix}`, { method: 'POST', body, idempotencyKey: uuid(), ifMatch: log.version });
    const done = action;
    setCheckpoint(reply.checkpoint);
    setAction(null);
    setStatus(c.saved);
    await load();
    refocus(done);
  };
  const cancel = () => {
    const done = action;
    setAction(null);
    refocus(done);
  };
  // After a 412 the open form keeps what was typed (and its ids): reload, check, submit again.
  const reload = () => {
    void load();
  };

  const toggle = (a: Action, label: string, extra = '') => (
    <button type="button" className={`secondary ${extra}`} data-action={a} aria-expanded={action === a} onClick={() => setAction(action === a ? null : a)}>
      {label}
    </button>
  );
  const form = (a: Action, node: ReactNode) => (action === a ? node : null);
  const readOnly = asOf !== undefined;
  const isHead = session.claims.role === 'head';

  const pdf = () =>
    download(`${path}/export`, { asOf }, `esetnaplo-${caseId}.pdf`).catch((e: unknown) => {
      setError(e);
    });

  if (!log) {
    return (
      <section aria-labelledby="case-title" className="casework">
        <h1 id="case-title">{c.caseTitle}</h1>
        <ErrorMessage error={error} />
        {!error && <Status>{c.loading}</Status>}
      </section>
    );
  }

  const cover = log.cover;
  const coverRows: [string, ReactNode][] = [
    [c.registration, [cover.registeredOn, cover.registerNumber].filter((x) => x !== undefined).join(', ')],
    [c.clientName, cover.erased ? c.erased : cover.name],
    [c.birthYear, cover.birthYear],
    [c.individualId, cover.individualId],
    [c.economicActivity, cover.economicActivity ? `${cover.economicActivity} – ${ref.label('economicActivity', cover.economicActivity, lang)}` : ''],
    [c.education, cover.education ? `${cover.education} – ${ref.label('education', cover.education, lang)}` : ''],
    [c.familyStatus, cover.familyStatus ? `${cover.familyStatus} – ${ref.label('familyStatus', cover.familyStatus, lang)}` : ''],
    [c.residence, cover.residence],
    [c.placeOfStay, cover.placeOfStay],
    [c.children, cover.children.map((ch) => `${ch.name ?? ch.clientId} (${ch.age ?? '?'})`).join('; ')],
    [c.careStarted, cover.careStartedOn],
    [c.careEnded, cover.careEndedOn],
    [c.responsible, cover.responsibleWorkerName ? `${cover.responsibleWorkerName} (${cover.responsibleWorkerId})` : cover.responsibleWorkerId],
    [c.checker, log.lastCheck ? `${log.lastCheck.checkerName ?? log.lastCheck.checkerId}, ${log.lastCheck.checkedOn}` : ''],
  ];

  const of = (type: string) => log.entries.filter((e) => e.type === `casework.${type}`);
  const goals = goalsOf(log.entries);
  const lastProblem = of('ProblemDefined').at(-1);
  const lastProblemTypes = Array.isArray(lastProblem?.data['problemTypes']) ? (lastProblem.data['problemTypes'] as string[]) : [];
  const open = log.status === 'open' && !readOnly;
  const formProps = { send, onReload: reload, onCancel: cancel };

  return (
    <section aria-labelledby="case-title" className="casework">
      <h1 id="case-title">
        {c.caseTitle}
        {cover.name ? `: ${cover.name}` : ''}
      </h1>
      <p className="case-meta">
        {c.status}: <strong>{log.status === 'open' ? c.statusOpen : c.statusClosed}</strong> · {c.site}: {ref.settlementName(log.site)} ({log.site}) ·{' '}
        {c.version}: {log.version} · <Link to={`/clients/${log.site}/${cover.clientId}`}>{c.clientFile}</Link>
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void pdf()}>
          {c.downloadPdf}
        </button>
        <form
          className="as-of"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`${casePath(site, caseId)}?asOf=${encodeURIComponent(asOfInput)}`);
          }}
        >
          <label htmlFor="case-as-of">{c.asOf}</label>
          <input id="case-as-of" type="date" value={asOfInput} max={today()} onChange={(e) => setAsOfInput(e.target.value)} />
          <button type="submit" className="secondary">
            {c.showAsOf}
          </button>
          {readOnly && (
            <button type="button" className="secondary" onClick={() => navigate(casePath(site, caseId))}>
              {c.current}
            </button>
          )}
        </form>
      </div>
      {readOnly && <p className="warning">{c.asOfNotice(asOf)}</p>}
      <ErrorMessage error={error} />
      <Status>{status}</Status>
      <OverdueList items={log.overdue} />

      <h2>{c.cover}</h2>
      <dl className="identity">
        {coverRows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v === undefined || v === null || v === '' ? '—' : v}</dd>
          </div>
        ))}
      </dl>

      <div className="view-switch" role="group" aria-label={c.caseTitle}>
        <button type="button" className="secondary" aria-pressed={view === 'sections'} onClick={() => setView('sections')}>
          {c.viewSections}
        </button>
        <button type="button" className="secondary" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          {c.viewTimeline}
        </button>
      </div>

      {view === 'timeline' ? (
        <>
          <h2>{c.timeline}</h2>
          <ol className="timeline">
            {log.entries.map((e) => (
              <li key={e.seq}>
                <p className="entry-head">
                  <strong>
                    {e.seq}. {e.date} – {c.entryTypes[e.type] ?? e.type}
                  </strong>{' '}
                  · {c.recordedAt}: {new Date(e.recordedAt).toLocaleString(lang === 'hu' ? 'hu-HU' : 'en-GB')} · {c.by} {e.actorName ?? e.actorId}
                </p>
                <Lines entry={e} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <h2>1. {c.problem}</h2>
          <EntryList entries={of('ProblemDefined')} empty={c.none} />
          {open && toggle('problem', c.problem)}
          {form('problem', <ProblemForm {...formProps} />)}

          <h2>2. {c.plan}</h2>
          {goals.length === 0 ? (
            <p>{c.none}</p>
          ) : (
            <table className="goals">
              <caption>{c.plan}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.goal}</th>
                  <th scope="col">{c.means}</th>
                  <th scope="col">{c.term}</th>
                  <th scope="col">{c.deadline}</th>
                  <th scope="col">{c.goalResponsible}</th>
                  <th scope="col">{c.evaluations}</th>
                  <th scope="col">{c.status}</th>
                </tr>
              </thead>
              <tbody>
                {goals.map((g) => {
                  const goalId = str(g.set.data['goalId']);
                  return (
                    <tr key={goalId} data-goal={goalId}>
                      <td>{str(g.set.texts?.['goal'])}</td>
                      <td>{str(g.set.texts?.['means'])}</td>
                      <td>{g.set.data['term'] === 'long' ? c.long : c.short}</td>
                      <td>{g.deadline}</td>
                      <td>{str(g.set.data['responsible'])}</td>
                      <td>
                        {g.evaluations.map((ev) => (
                          <p key={ev.seq}>
                            {ev.date}: {ev.data['achieved'] ? c.goalAchieved : c.no} – {str(ev.texts?.['why'])}
                          </p>
                        ))}
                        {open && g.status === 'open' && toggle(`evaluate:${goalId}`, c.evaluate, 'small')}
                      </td>
                      <td>{g.status === 'achieved' ? c.goalAchieved : g.status === 'dropped' ? c.goalDropped : c.goalOpen}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {goals.map((g) => {
            const goalId = str(g.set.data['goalId']);
            return <div key={goalId}>{form(`evaluate:${goalId}`, <EvaluateGoalForm {...formProps} goalId={goalId} />)}</div>;
          })}
          {open && toggle('goal', c.addGoal)}
          {form('goal', <GoalForm {...formProps} activeAge={log.activeAge} />)}

          <h2>3. {c.agreement}</h2>
          <EntryList entries={of('AgreementSigned')} empty={c.none} />
          {open && toggle('agreement', c.addAgreement)}
          {form('agreement', <AgreementForm {...formProps} activeAge={log.activeAge} />)}

          <h2>4. {c.measures}</h2>
          <EntryList entries={of('MeasureRecorded')} empty={c.none} />
          {open && toggle('measure', c.addMeasure)}
          {form('measure', <MeasureForm {...formProps} problemTypes={lastProblemTypes} />)}

          {log.activeAge && (
            <>
              <h2>{c.activeAgeSection}</h2>
              <EntryList entries={[...of('PersonalMeetingHeld'), ...of('YearlyEvaluationWritten'), ...of('CooperationBreachNotified')]} empty={c.none} />
              <div className="toolbar">
                {open && toggle('meeting', c.personalMeeting)}
                {open && toggle('yearly', c.yearlyEvaluation)}
                {open && toggle('breach', c.breach)}
              </div>
              {form('meeting', <DatedTextForm {...formProps} label={c.personalMeeting} path="personal-meetings" dateKey="heldOn" dateLabel={c.heldOn} textKey="notes" textLabel={c.notes} />)}
              {form('yearly', <DatedTextForm {...formProps} label={c.yearlyEvaluation} path="yearly-evaluations" dateKey="writtenOn" dateLabel={c.writtenOn} textKey="evaluation" textLabel={c.yearlyEvaluation} />)}
              {form(
                'breach',
                <DatedTextForm
                  {...formProps}
                  label={c.breach}
                  path="cooperation-breaches"
                  dateKey="notifiedOn"
                  dateLabel={c.notifiedOn}
                  textKey="facts"
                  textLabel={c.facts}
                  extra={{ key: 'recipient', label: c.recipient, options: [['jegyzo', c.recipientJegyzo], ['labour_centre', c.recipientLabour]] }}
                />,
              )}
            </>
          )}

          <h2>{c.processEvaluation}</h2>
          <EntryList entries={[...of('ProcessEvaluated'), ...of('CaseChecked'), ...of('CaseHandedOver'), ...of('CaseClosed'), ...of('CaseReopened')].sort((a, b) => a.seq - b.seq)} empty={c.none} />
          {!readOnly && (
            <div className="toolbar">
              {open && toggle('process', c.addEvaluation)}
              {isHead && toggle('check', c.addCheck)}
              {open && toggle('handover', c.handover)}
              {open && toggle('close', c.close)}
              {log.status === 'closed' && toggle('reopen', c.reopen)}
            </div>
          )}
          {form('process', <DatedTextForm {...formProps} label={c.processEvaluation} path="process-evaluations" dateKey="evaluatedOn" dateLabel={c.evaluatedOn} textKey="summary" textLabel={c.summary} />)}
          {form('check', <DatedTextForm {...formProps} label={c.check} path="checks" dateKey="checkedOn" dateLabel={c.checkedOn} textKey="remarks" textLabel={c.remarks} textRequired={false} />)}
          {form(
            'handover',
            <DatedTextForm {...formProps} label={c.handover} path="handover" dateKey="handedOverOn" dateLabel={c.handedOverOn} textKey="reason" textLabel={c.reason} extra={{ key: 'toWorkerId', label: c.toWorker }} />,
          )}
          {form('close', <DatedTextForm {...formProps} label={c.close} path="closure" dateKey="closedOn" dateLabel={c.closedOn} textKey="reason" textLabel={c.reason} />)}
          {form('reopen', <DatedTextForm {...formProps} label={c.reopen} path="reopening" dateKey="reopenedOn" dateLabel={c.reopenedOn} textKey="reason" textLabel={c.reason} />)}
        </>
      )}
    </section>
  );
}
