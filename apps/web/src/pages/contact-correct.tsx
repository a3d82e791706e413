import { type FormEvent, useEffect, useState } from 'react';
import { api, type CommandReply } from '../api';
import { useIntakeForms } from '../features/intake/dictionary';
import { History } from '../features/intake/history';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { CodeSelect, ErrorMessage, Field, Status } from '../ui';
import type { ClientRef, ContactLogRow } from './naplo';

const codes = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Props {
  readonly site: string;
  readonly contactId: string;
  /** The entry's day: the entry is read from the napló of that day. */
  readonly date: string;
  /** The client whose file to return to (absent for anonymous requests and groups). */
  readonly client?: ClientRef;
  readonly action: 'correct' | 'void';
}

/**
 * Javítás / érvénytelenítés of a forgalmi napló entry. The form starts from the entry as projected and sends only the
 * changed columns, with a reason, and the entry's version as If-Match: a concurrent change answers 412 with the
 * gateway's Hungarian message, shown as is. Nothing is deleted; the history keeps both values and the reason.
 */
export function ContactChangePage({ site, contactId, date, client, action }: Props) {
  const { t } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const [row, setRow] = useState<ContactLogRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const base = `/districts/${session.claims.district}/settlements/${site}`;

  const [initialAfter] = useState(checkpoint);
  useEffect(() => {
    api<{ entries: ContactLogRow[] }>(`${base}/contact-log`, { query: { date, after: initialAfter } }).then(
      (r) => {
        setRow(r.entries.find((e) => e.contactId === contactId) ?? null);
        setLoaded(true);
      },
      (e: unknown) => {
        setError(e);
        setLoaded(true);
      },
    );
  }, [base, date, contactId, initialAfter]);

  const back = (after?: string) => {
    const q = after ? `after=${encodeURIComponent(after)}` : '';
    if (client) navigate(`/clients/${client.site}/${client.clientId}${q ? `?${q}` : ''}`);
    else navigate(`/naplo?date=${date}${q ? `&${q}` : ''}`);
  };
  const done = (reply: CommandReply) => {
    setCheckpoint(reply.checkpoint);
    back(reply.checkpoint);
  };

  const title = action === 'correct' ? f.correctContactTitle : f.voidContactTitle;
  return (
    <section aria-labelledby="contact-change-title">
      <h1 id="contact-change-title">
        {title}
        {row ? ` – ${f.entrySerial(row.serial)}` : ''}
      </h1>
      <p>
        <Link to={client ? `/clients/${client.site}/${client.clientId}` : `/naplo?date=${date}`}>{client ? f.backToFile : f.backToNaplo}</Link>
      </p>
      <ErrorMessage error={error} />
      {!loaded && <Status>{t.loading}</Status>}
      {loaded && !row && !error && <p className="error">{f.contactNotFound}</p>}
      {row && (
        <>
          <p>
            {t.date}: {row.date} · {t.site}: {ref.settlementName(row.site)} ({row.site}) · {row.clientName ?? (row.kind === 'group' ? f.navGroupSession : t.anonymous)}
          </p>
          <History corrections={row.corrections ?? []} voided={row.voided} voidReason={row.voidReason} />
          {row.voided ? (
            <p className="flag">{f.alreadyVoided}</p>
          ) : action === 'correct' ? (
            <CorrectForm row={row} path={`${base}/contacts/${contactId}`} onDone={done} />
          ) : (
            <VoidForm row={row} path={`${base}/contacts/${contactId}/void`} onDone={done} />
          )}
        </>
      )}
    </section>
  );
}

function ReasonField({ value, onChange, autoFocus }: { value: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  const f = useIntakeForms();
  return (
    <Field label={f.reason} required hint={f.reasonHint}>
      {(id, hint) => (
        <textarea
          id={id}
          name="reason"
          required
          rows={2}
          maxLength={1000}
          autoFocus={autoFocus}
          aria-describedby={hint}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function CorrectForm({ row, path, onDone }: { row: ContactLogRow; path: string; onDone: (r: CommandReply) => void }) {
  const { t, lang } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const group = row.kind === 'group';
  const initial = {
    date: row.date,
    mode: row.mode ?? '',
    referrer: row.referrer ?? '',
    problemTypes: row.problemTypes.join(', '),
    caseHandling: row.caseHandling.join(', '),
    description: row.description ?? '',
    dutyWorkerId: row.dutyWorkerId,
    caseWorkerId: row.caseWorkerId ?? '',
    groupType: row.groupType ?? '',
    participantCount: String(row.participantCount ?? ''),
  };
  const [v, setV] = useState(initial);
  const [crisis, setCrisis] = useState(row.crisis);
  const [benefits, setBenefits] = useState<string[]>([...row.benefits]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  /** The changed columns only, in the API's shape: an emptied optional column is cleared (null). */
  const changes = (): Record<string, unknown> => {
    const c: Record<string, unknown> = {};
    if (v.date !== initial.date) c['date'] = v.date;
    if (v.dutyWorkerId.trim() !== initial.dutyWorkerId) c['dutyWorkerId'] = v.dutyWorkerId.trim();
    if (v.caseWorkerId.trim() !== initial.caseWorkerId) c['caseWorkerId'] = v.caseWorkerId.trim() || null;
    if (v.description.trim() !== initial.description) c['description'] = v.description.trim() || null;
    if (group) {
      if (v.groupType !== initial.groupType) c['groupType'] = v.groupType;
      if (v.participantCount !== initial.participantCount) c['participantCount'] = Number(v.participantCount);
      return c;
    }
    const canonical = (list: string, values: string[]) => values.map((x) => ref.list(list, v.date).find((y) => y.code.toUpperCase() === x)?.code ?? x);
    if (v.mode !== initial.mode) c['mode'] = v.mode;
    if (v.referrer !== initial.referrer) c['referrer'] = v.referrer || null;
    const problems = canonical('problemType', codes(v.problemTypes));
    if (!sameList(problems, row.problemTypes)) c['problemTypes'] = problems;
    const handling = canonical('caseHandling', codes(v.caseHandling));
    if (!sameList(handling, row.caseHandling)) c['caseHandling'] = handling;
    if (crisis !== row.crisis) c['crisis'] = crisis;
    if (!sameList([...benefits].sort(), [...row.benefits].sort())) c['benefits'] = benefits;
    return c;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = changes();
    if (Object.keys(c).length === 0) {
      setError(new Error(f.noChanges));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api<CommandReply>(path, { method: 'PATCH', body: { reason: reason.trim(), changes: c }, ifMatch: row.version ?? '0' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="grid" onSubmit={(e) => void submit(e)} aria-labelledby="contact-change-title">
      <Field label={t.date} required>
        {(id) => <input id={id} name="date" type="date" required autoFocus value={v.date} onChange={(e) => set('date')(e.target.value)} />}
      </Field>
      {group ? (
        <>
          <CodeSelect list="groupType" label={f.groupType} required value={v.groupType} onChange={set('groupType')} name="groupType" />
          <Field label={f.participantCount} required>
            {(id) => (
              <input
                id={id}
                name="participantCount"
                type="number"
                min={1}
                max={10000}
                required
                value={v.participantCount}
                onChange={(e) => set('participantCount')(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : (
        <>
          <Field label={t.problemTypes} required hint={t.problemHint}>
            {(id, hint) => (
              <input
                id={id}
                name="problemTypes"
                required
                autoComplete="off"
                aria-describedby={hint}
                value={v.problemTypes}
                onChange={(e) => set('problemTypes')(e.target.value)}
              />
            )}
          </Field>
          <Field label={t.caseHandling} required>
            {(id) => <input id={id} name="caseHandling" required autoComplete="off" value={v.caseHandling} onChange={(e) => set('caseHandling')(e.target.value)} />}
          </Field>
          <CodeSelect list="contactMode" label={t.mode} required value={v.mode} onChange={set('mode')} name="mode" />
          <CodeSelect list="referrer" label={t.referrer} value={v.referrer} onChange={set('referrer')} name="referrer" />
          <fieldset>
            <legend>{t.benefits}</legend>
            {ref.list('benefit', v.date).map((b) => (
              <label key={b.code} className="check">
                <input
                  type="checkbox"
                  checked={benefits.includes(b.code)}
                  onChange={(e) => setBenefits(e.target.checked ? [...benefits, b.code] : benefits.filter((x) => x !== b.code))}
                />{' '}
                {lang === 'hu' ? b.labelHu : b.labelEn} ({b.code})
              </label>
            ))}
            <label className="check">
              <input type="checkbox" name="crisis" checked={crisis} onChange={(e) => setCrisis(e.target.checked)} /> {t.crisis}
            </label>
          </fieldset>
        </>
      )}
      <Field label={t.dutyWorker} required>
        {(id) => <input id={id} name="dutyWorkerId" required value={v.dutyWorkerId} onChange={(e) => set('dutyWorkerId')(e.target.value)} />}
      </Field>
      <Field label={t.caseWorker}>
        {(id) => <input id={id} name="caseWorkerId" value={v.caseWorkerId} onChange={(e) => set('caseWorkerId')(e.target.value)} />}
      </Field>
      <Field label={t.description}>
        {(id) => <textarea id={id} name="description" rows={3} maxLength={2000} value={v.description} onChange={(e) => set('description')(e.target.value)} />}
      </Field>
      <ReasonField value={reason} onChange={setReason} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
      </div>
      <div className="span-all">
        <ErrorMessage error={error} />
        <Status>{busy ? t.loading : ''}</Status>
      </div>
    </form>
  );
}

function VoidForm({ row, path, onDone }: { row: ContactLogRow; path: string; onDone: (r: CommandReply) => void }) {
  const { t, lang } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await api<CommandReply>(path, { method: 'POST', body: { reason: reason.trim() }, ifMatch: row.version ?? '0' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const summary: [string, string][] =
    row.kind === 'group'
      ? [
          [f.groupType, ref.label('groupType', row.groupType, lang)],
          [f.participantCount, String(row.participantCount ?? '')],
        ]
      : [
          [t.mode, ref.label('contactMode', row.mode, lang)],
          [t.problemTypes, row.problemTypes.map((c) => `${c} ${ref.label('problemType', c, lang)}`).join(', ')],
          [t.caseHandling, row.caseHandling.join(', ')],
        ];
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="contact-change-title">
      <dl className="identity">
        {summary.map(([k, val]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      <p className="warning">{f.voidExplain}</p>
      <div className="grid">
        <ReasonField value={reason} onChange={setReason} autoFocus />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
            {f.voidConfirm}
          </button>
        </div>
      </div>
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : ''}</Status>
    </form>
  );
}
