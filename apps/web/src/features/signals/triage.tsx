import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, ApiError, download, uuid } from '../../api';
import { useI18n } from '../../i18n';
import { today, useReference } from '../../reference';
import { useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { CLOSING_MEASURES, codeLabel, codeOptions } from './codes';
import { useSignalsT } from './dictionary';
import { type AttachmentInfo, formatInstant, type MatchAlert, type Queue, type QueueItem, type SignalDetails, staffSignalPath, type TriageReply } from './signals-api';

/** A row of the client register search (the fields shown here). */
interface ClientRow {
  readonly clientId: string;
  readonly site: string;
  readonly individualId: string;
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly birthYear: number;
  readonly mothersName: string | null;
}

const VERSIONS = 'kapocs.signalVersions';

/**
 * The version the next triage step names in If-Match: the queue's when it carries one, else the last reply's (kept
 * per tab), else counted from what the queue shows; a 412 reply hands over the actual version.
 */
function knownVersion(item: QueueItem): string {
  if (item.version !== undefined) return item.version;
  const stored = (JSON.parse(sessionStorage.getItem(VERSIONS) ?? '{}') as Record<string, string>)[item.signalId];
  if (stored !== undefined) return stored;
  const counted = [item.assignedTo, item.clientId, item.registrationRequested || undefined, item.firstMeasureOn].filter((x) => x !== undefined).length;
  return String(counted);
}

function storeVersion(signalId: string, version: string): void {
  const all = JSON.parse(sessionStorage.getItem(VERSIONS) ?? '{}') as Record<string, string>;
  sessionStorage.setItem(VERSIONS, JSON.stringify({ ...all, [signalId]: version }));
}

/** The actual stream version a 412 WRONG_EXPECTED_VERSION reports, if any. */
function actualVersion(e: unknown): string | undefined {
  if (!(e instanceof ApiError) || e.status !== 412) return undefined;
  const details = e.body.details as readonly { actual?: string }[] | undefined;
  return details?.[0]?.actual;
}

/** Triage of one signal: assign, link to a client or mark for registration, record dated measures, close. */
export function TriagePage({ site, reference }: { site: string; reference: string }) {
  const t = useSignalsT();
  const { lang } = useI18n();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const d = session.claims.district;
  const [item, setItem] = useState<QueueItem | null | undefined>(undefined);
  const [version, setVersion] = useState('0');
  const [alerts, setAlerts] = useState<readonly MatchAlert[]>([]);
  const [files, setFiles] = useState<readonly AttachmentInfo[]>([]);
  const [details, setDetails] = useState<SignalDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (after = checkpoint) => {
      const q = await api<Queue>(`/districts/${d}/signal-queue`, { query: { settlement: site, reference, after } });
      const found = q.items.find((i) => i.reference === reference) ?? null;
      setItem(found);
      if (!found) return;
      setVersion(knownVersion(found));
      const [a, f, content] = await Promise.all([
        api<MatchAlert[]>(`/districts/${d}/signal-alerts`, { query: { settlement: site, after } }),
        api<AttachmentInfo[]>(`${staffSignalPath(session, site, found.signalId)}/attachments`).catch(() => []),
        api<SignalDetails>(staffSignalPath(session, site, found.signalId)),
      ]);
      setAlerts(a.filter((x) => x.signalId === found.signalId));
      setFiles(f);
      setDetails(content);
    },
    [d, site, reference, checkpoint, session],
  );
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  /** One triage step with If-Match; on success the new version and checkpoint, on 412 the actual version. */
  const step = async (path: string, body?: unknown) => {
    if (!item) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const reply = await api<TriageReply>(`${staffSignalPath(session, site, item.signalId)}/${path}`, { method: 'POST', body, ifMatch: version });
      storeVersion(item.signalId, reply.version);
      setCheckpoint(reply.checkpoint);
      await load(reply.checkpoint);
      setVersion(reply.version);
      setStatus(t.saved);
    } catch (e) {
      const actual = actualVersion(e);
      if (actual !== undefined) {
        storeVersion(item.signalId, actual);
        await load().catch(() => undefined);
        setVersion(actual);
        setError(new Error(t.staleRetry));
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (item === undefined) return <Status>{t.loading}</Status>;
  if (item === null)
    return (
      <section aria-labelledby="sig-triage-title">
        <h1 id="sig-triage-title">{t.triageTitle(reference)}</h1>
        <ErrorMessage error={error} />
        <p>{t.triageNotFound}</p>
      </section>
    );
  const closed = item.status === 'closed';
  return (
    <section aria-labelledby="sig-triage-title">
      <h1 id="sig-triage-title">{t.triageTitle(item.reference)}</h1>
      <dl className="identity">
        <dt>{t.status}</dt>
        <dd data-testid="signal-status">
          {t.signalStatuses[item.status] ?? item.status}
          {item.critical && <span className="sig-badge sig-badge-critical"> {t.critical}</span>}
        </dd>
        <dt>{t.dueOn}</dt>
        <dd>
          {item.dueOn ?? '–'}
          {item.overdue && <span className="sig-badge sig-badge-overdue"> {t.overdue}</span>}
        </dd>
        <dt>{t.about}</dt>
        <dd>{t.subjectKinds[item.subjectKind]}</dd>
        <dt>{t.categories}</dt>
        <dd>{item.categories.map((c) => codeLabel('endangerment', c, lang)).join(', ')}</dd>
        <dt>{t.settlement}</dt>
        <dd>{ref.settlementName(item.settlement)}</dd>
        <dt>{t.channel}</dt>
        <dd>
          {codeLabel('channel', item.channel, lang)}
          {item.memberCategory && ` · ${codeLabel('memberCategory', item.memberCategory, lang)}`}
        </dd>
        <dt>{t.submittedAt}</dt>
        <dd>{formatInstant(item.submittedAt, lang)}</dd>
        <dt>{t.assignedTo}</dt>
        <dd>{item.assignedTo ?? '–'}</dd>
        <dt>{t.linked}</dt>
        <dd>{item.clientId ?? (item.registrationRequested ? t.markedRegistration : '–')}</dd>
        <dt>{t.firstMeasureOn}</dt>
        <dd>{item.firstMeasureOn ?? '–'}</dd>
      </dl>
      {details && <SignalContent details={details} />}
      {alerts.length > 0 && (
        <div className="warning" role="region" aria-labelledby="sig-match-title">
          <h2 id="sig-match-title">{t.alertsTitle}</h2>
          <ul>
            {alerts.map((a) => (
              <li key={a.alertId}>
                {t.alertKinds[a.kind] ?? a.kind} · {formatInstant(a.raisedAt, lang)}
                {a.kind === 'identity_client' && a.clientId && !item.clientId && !closed && (
                  <>
                    {' '}
                    <button type="button" disabled={busy} onClick={() => void step('client-link', { clientId: a.clientId })}>
                      {t.linkThis}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {files.length > 0 && (
        <>
          <h2>{t.attachments}</h2>
          <ul className="sig-files">
            {files.map((f) => (
              <li key={f.attachmentId}>
                <button type="button" className="secondary" onClick={() => void download(`${staffSignalPath(session, site, item.signalId)}/attachments/${f.attachmentId}`, {}, f.fileName).catch(setError)}>
                  {f.fileName}
                </button>{' '}
                ({Math.ceil(f.size / 1024)} kB)
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage error={error} />
      <Status>{status}</Status>
      {!closed && (
        <>
          <AssignForm busy={busy} onAssign={(workerId) => void step('assignment', { workerId })} />
          {!item.clientId && <LinkClient busy={busy} site={site} registrationRequested={item.registrationRequested} onLink={(clientId) => void step('client-link', { clientId })} onMark={() => void step('registration-request')} />}
          <MeasureForm key={`m-${version}`} busy={busy} closing={false} onRecord={(m) => void step('measures', m)} />
          <MeasureForm key={`c-${version}`} busy={busy} closing onRecord={(m) => void step('measures', m)} />
        </>
      )}
    </section>
  );
}

/** What the signaller wrote, for triage: observed facts, the person concerned, how to reach the signaller, measures. */
function SignalContent({ details }: { details: SignalDetails }) {
  const t = useSignalsT();
  const { lang } = useI18n();
  const { subject, signaller } = details;
  const rows: [string, string | undefined][] = [
    [t.detailSince, details.observedSince],
    [t.detailSubject, subject.name],
    [t.detailBirthDate, subject.birthDate],
    [t.detailTaj, subject.taj],
    [t.detailAddress, subject.address],
    [t.detailDescription, subject.description],
    [t.detailSignaller, signaller ? [signaller.name, signaller.phone, signaller.email].filter(Boolean).join(' · ') : undefined],
  ];
  return (
    <section className="panel sig-block" aria-labelledby="sig-details-title">
      <h2 id="sig-details-title">{t.detailsTitle}</h2>
      {details.erased ? (
        <p>{t.detailErased}</p>
      ) : (
        <>
          <h3>{t.detailObserved}</h3>
          <p data-testid="signal-observed" className="sig-observed">
            {details.observed}
          </p>
          <dl className="identity">
            {rows
              .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        </>
      )}
      {details.measures.length > 0 && (
        <>
          <h3>{t.measures}</h3>
          <ul>
            {details.measures.map((m) => (
              <li key={m.measureId}>
                {m.date} · {codeLabel('measure', m.kind, lang)}
                {m.note ? ` · ${m.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t.detailAudited}</p>
    </section>
  );
}

function AssignForm({ busy, onAssign }: { busy: boolean; onAssign: (workerId: string) => void }) {
  const t = useSignalsT();
  const { session } = useSession();
  const [workerId, setWorkerId] = useState(session.claims.sub);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAssign(workerId.trim());
  };
  return (
    <form className="sig-inline panel" onSubmit={submit} aria-labelledby="sig-assign-title">
      <h2 id="sig-assign-title">{t.assign}</h2>
      <Field label={t.assignee} required>
        {(id) => <input id={id} name="workerId" required value={workerId} onChange={(e) => setWorkerId(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t.assign}
      </button>
    </form>
  );
}

function LinkClient({ busy, site, registrationRequested, onLink, onMark }: { busy: boolean; site: string; registrationRequested: boolean; onLink: (clientId: string) => void; onMark: () => void }) {
  const t = useSignalsT();
  const { session } = useSession();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<readonly ClientRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const digits = q.replace(/\s/g, '');
      const query = /^\d{9}$/.test(digits) ? { taj: digits } : { q: q.trim() };
      setRows((await api<{ clients: ClientRow[] }>(`/districts/${session.claims.district}/clients`, { query: { ...query, settlement: site } })).clients);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="panel sig-block" role="group" aria-labelledby="sig-link-title">
      <h2 id="sig-link-title">{t.linkClient}</h2>
      <form role="search" className="sig-inline" onSubmit={(e) => void search(e)}>
        <Field label={t.searchClient}>{(id) => <input id={id} name="clientQuery" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <button type="submit">{t.search}</button>
      </form>
      <ErrorMessage error={error} />
      {rows && rows.length === 0 && <p role="status">–</p>}
      {rows && rows.length > 0 && (
        <ul className="sig-files">
          {rows.map((r) => (
            <li key={r.clientId}>
              {r.name ?? r.individualId} · {r.birthDate ?? r.birthYear}
              {r.mothersName ? ` · ${r.mothersName}` : ''} · {r.individualId}{' '}
              <button type="button" disabled={busy} onClick={() => onLink(r.clientId)}>
                {t.linkThis}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!registrationRequested && (
        <button type="button" className="secondary" disabled={busy} onClick={onMark}>
          {t.markRegistration}
        </button>
      )}
    </div>
  );
}

function MeasureForm({ busy, closing, onRecord }: { busy: boolean; closing: boolean; onRecord: (m: { measureId: string; kind: string; date: string; note?: string }) => void }) {
  const t = useSignalsT();
  const { lang } = useI18n();
  // One measure id per draft: a retry of the same measure is recognised by the service and not recorded twice.
  const [measureId] = useState(uuid);
  const options = codeOptions('measure', lang).filter((o) => CLOSING_MEASURES.includes(o.code) === closing);
  const [kind, setKind] = useState(closing ? (options[0]?.code ?? '') : '');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const title = closing ? t.close : t.recordMeasure;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRecord({ measureId, kind, date, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  const titleId = closing ? 'sig-close-title' : 'sig-measure-title';
  return (
    <form className="panel sig-block sig-stack" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <Field label={closing ? t.closeKind : t.measureKind} required>
        {(id) => (
          <select id={id} name={closing ? 'closeKind' : 'measureKind'} required value={kind} onChange={(e) => setKind(e.target.value)}>
            {!closing && <option value="">{t.choose}</option>}
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.measureDate} required>
        {(id) => <input id={id} name={closing ? 'closeDate' : 'measureDate'} type="date" required max={today()} value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label={t.measureNote}>
        {(id) => <textarea id={id} name={closing ? 'closeNote' : 'measureNote'} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy} className={closing ? 'secondary' : undefined}>
          {title}
        </button>
      </div>
    </form>
  );
}
