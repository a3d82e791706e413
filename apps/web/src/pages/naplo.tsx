import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, download } from '../api';
import { useI18n } from '../i18n';
import { today, useReference } from '../reference';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';

/** One forgalmi napló entry (ContactLogRow of @kapocs/projector/contracts, the fields the UI shows). */
export interface ContactLogRow {
  readonly contactId: string;
  readonly kind: 'contact' | 'group';
  readonly serial: number;
  readonly date: string;
  readonly clientId: string | null;
  readonly individualId: string | null;
  readonly clientName: string | null;
  readonly birthYear: number | null;
  readonly newInYear: boolean | null;
  readonly mode: string | null;
  readonly referrer: string | null;
  readonly problemTypes: readonly string[];
  readonly crisis: boolean;
  readonly description: string | null;
  readonly caseHandling: readonly string[];
  readonly benefits: readonly string[];
  readonly dutyWorkerId: string;
  readonly groupType: string | null;
  readonly participantCount: number | null;
  readonly voided: boolean;
}

type Period = { kind: 'date'; value: string } | { kind: 'month'; value: string };

/** Forgalmi napló (1/2000. SzCsM r. 7. melléklet) of the current site for a day or a month, numbered per year. */
export function NaploPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { session, checkpoint } = useSession();
  const [kind, setKind] = useState<'date' | 'month'>('date');
  const [date, setDate] = useState(today());
  const [month, setMonth] = useState(today().slice(0, 7));
  const [shown, setShown] = useState<Period>({ kind: 'date', value: today() });
  const [rows, setRows] = useState<readonly ContactLogRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/districts/${session.claims.district}/settlements/${session.site}/contact-log`;
  const query = useCallback((p: Period) => ({ [p.kind]: p.value, after: checkpoint }), [checkpoint]);

  useEffect(() => {
    setRows(null);
    api<{ entries: ContactLogRow[] }>(base, { query: query(shown) }).then(
      (r) => {
        setRows(r.entries);
        setError(null);
      },
      setError,
    );
  }, [base, shown, query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(kind === 'date' ? { kind, value: date } : { kind, value: month });
  };
  const exportAs = (format: 'pdf' | 'csv' | 'xlsx') => {
    setError(null);
    download(`${base}/export`, { ...query(shown), format }, `forgalmi-naplo-${session.site}-${shown.value}.${format}`).catch(setError);
  };

  return (
    <section aria-labelledby="naplo-title">
      <h1 id="naplo-title">
        {t.naploTitle} – {ref.settlementName(session.site)} ({session.site}), {shown.value}
      </h1>
      <form onSubmit={submit} className="grid no-print">
        <fieldset>
          <legend>{t.period}</legend>
          <label className="check">
            <input type="radio" name="period" checked={kind === 'date'} onChange={() => setKind('date')} /> {t.day}
          </label>
          <label className="check">
            <input type="radio" name="period" checked={kind === 'month'} onChange={() => setKind('month')} /> {t.month}
          </label>
        </fieldset>
        {kind === 'date' ? (
          <Field label={t.day}>{(id) => <input id={id} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        ) : (
          <Field label={t.month}>
            {(id) => <input id={id} type="month" required pattern="\d{4}-\d{2}" value={month} onChange={(e) => setMonth(e.target.value)} />}
          </Field>
        )}
        <div className="actions">
          <button type="submit">{t.show}</button>
        </div>
      </form>
      <div className="toolbar no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t.print}
        </button>
        <button type="button" className="secondary" onClick={() => exportAs('pdf')}>
          {t.exportPdf}
        </button>
        <button type="button" className="secondary" onClick={() => exportAs('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" className="secondary" onClick={() => exportAs('xlsx')}>
          {t.exportXlsx}
        </button>
      </div>
      <ErrorMessage error={error} />
      <Status>{rows ? t.entries(rows.length) : t.loading}</Status>
      {rows && rows.length > 0 && <ContactTable rows={rows} caption={`${t.naploTitle}, ${shown.value}`} withClient />}
    </section>
  );
}

export function ContactTable({ rows, caption, withClient }: { rows: readonly ContactLogRow[]; caption: string; withClient?: boolean }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const codes = (list: string, values: readonly string[]) => values.map((c) => `${c} ${ref.label(list, c, lang)}`).join(', ');
  return (
    <table className="log">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.serial}</th>
          <th scope="col">{t.date}</th>
          {withClient && <th scope="col">{t.client}</th>}
          {withClient && <th scope="col">{t.birthYear}</th>}
          <th scope="col">{t.newInYear}</th>
          <th scope="col">{t.mode}</th>
          <th scope="col">{t.problemTypes}</th>
          <th scope="col">{t.caseHandling}</th>
          <th scope="col">{t.benefits}</th>
          <th scope="col">{t.dutyWorker}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.contactId} className={r.voided ? 'voided' : undefined} data-serial={r.serial}>
            <th scope="row">
              {r.serial}
              {r.voided && <span className="flag"> ({t.voided})</span>}
            </th>
            <td>{r.date}</td>
            {withClient && <td>{r.clientName ? `${r.clientName} (${r.individualId ?? ''})` : r.kind === 'group' ? `${ref.label('groupType', r.groupType, lang)} · ${r.participantCount ?? ''}` : t.anonymous}</td>}
            {withClient && <td>{r.birthYear ?? ''}</td>}
            <td>{r.newInYear === null ? '' : r.newInYear ? t.yes : t.no}</td>
            <td>{ref.label('contactMode', r.mode, lang)}</td>
            <td>
              {codes('problemType', r.problemTypes)}
              {r.crisis && <strong> · {t.crisis}</strong>}
            </td>
            <td>{codes('caseHandling', r.caseHandling)}</td>
            <td>{codes('benefit', r.benefits)}</td>
            <td>{r.dutyWorkerId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
