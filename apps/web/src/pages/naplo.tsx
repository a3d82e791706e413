import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, download } from '../api';
import { useI18n } from '../i18n';
import { today, useReference } from '../reference';
import { useIntakeForms } from '../features/intake/dictionary';
import { History } from '../features/intake/history';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';

/** One forgalmi napló entry (ContactLogRow of @kapocs/projector/contracts, the fields the UI shows). */
export interface ContactLogRow {
  readonly contactId: string;
  readonly kind: 'contact' | 'group';
  readonly site: string;
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
  readonly voidReason?: string | null;
  readonly caseWorkerId?: string | null;
  readonly corrections?: readonly ContactCorrection[];
  /** The entry stream's version: sent as If-Match by a correction or a void. */
  readonly version?: string;
}

/** One correction of an entry: the changed fields before and after, and why. */
export interface ContactCorrection {
  readonly correctedOn: string;
  readonly reason: string | null;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

type Period = { kind: 'date'; value: string } | { kind: 'month'; value: string };

/** Forgalmi napló (1/2000. SzCsM r. 7. melléklet) of the current site for a day or a month, numbered per year. */
export function NaploPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { session, checkpoint } = useSession();
  const [kind, setKind] = useState<'date' | 'month'>('date');
  // `?date=` opens another day (the way back from a correction of that day's entry).
  const [initial] = useState(() => /^\d{4}-\d{2}-\d{2}$/.exec(new URL(window.location.href).searchParams.get('date') ?? '')?.[0] ?? today());
  const [date, setDate] = useState(initial);
  const [month, setMonth] = useState(initial.slice(0, 7));
  const [shown, setShown] = useState<Period>({ kind: 'date', value: initial });
  const [rows, setRows] = useState<readonly ContactLogRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/districts/${session.claims.district}/settlements/${session.site}/contact-log`;
  const query = useCallback((p: Period) => ({ [p.kind]: p.value, after: checkpoint }), [checkpoint]);

  useEffect(() => {
    setRows(null);
    let cancelled = false;
    // The service answers in pages (≤ 1,000 entries, under the bus's message limit): follow them to the period's end.
    const load = async (): Promise<ContactLogRow[]> => {
      const all: ContactLogRow[] = [];
      let afterSerial: number | undefined;
      do {
        const page = await api<{ entries: ContactLogRow[]; nextSerial?: number }>(base, {
          query: { ...query(shown), ...(afterSerial !== undefined ? { afterSerial: String(afterSerial) } : {}) },
        });
        all.push(...page.entries);
        afterSerial = page.nextSerial;
      } while (afterSerial !== undefined && !cancelled);
      return all;
    };
    load().then(
      (entries) => {
        if (cancelled) return;
        setRows(entries);
        setError(null);
      },
      (e: unknown) => {
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
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
      {rows && rows.length > 0 && <ContactTable rows={rows} caption={`${t.naploTitle}, ${shown.value}`} withClient actions={{}} />}
    </section>
  );
}

interface ContactTableProps {
  readonly rows: readonly ContactLogRow[];
  readonly caption: string;
  readonly withClient?: boolean;
  /** Shows each entry's corrections and void with their reasons. */
  readonly withHistory?: boolean;
  /** Links to correct and void each entry; `back` is the client whose file to return to, if any. */
  readonly actions?: { readonly back?: ClientRef };
}

/** Where the correction and void forms of an entry live (the entry is found again in the napló of its day). */
export const contactFormPath = (r: ContactLogRow, action: 'correct' | 'void', client?: ClientRef): string =>
  `/contacts/${r.site}/${r.contactId}/${action}?date=${r.date}${client ? `&client=${encodeURIComponent(client.clientId)}&clientSite=${client.site}` : ''}`;

/** A client file's address: its site (which may differ from the site of an entry) and id. */
export interface ClientRef {
  readonly site: string;
  readonly clientId: string;
}

export function ContactTable({ rows, caption, withClient, withHistory, actions }: ContactTableProps) {
  const { t, lang } = useI18n();
  const f = useIntakeForms();
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
          {withHistory && <th scope="col">{f.history}</th>}
          {actions && (
            <th scope="col" className="no-print">
              {f.actions}
            </th>
          )}
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
            {withClient && (
              <td>
                {r.clientName
                  ? `${r.clientName} (${r.individualId ?? ''})`
                  : r.kind === 'group'
                    ? `${ref.label('groupType', r.groupType, lang)} · ${f.participants(r.participantCount ?? 0)}`
                    : t.anonymous}
              </td>
            )}
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
            {withHistory && (
              <td className="history-cell">
                <History corrections={r.corrections ?? []} voided={r.voided} voidReason={r.voidReason} />
              </td>
            )}
            {actions && (
              <td className="no-print row-actions">
                {!r.voided && (
                  <>
                    <Link to={contactFormPath(r, 'correct', actions.back)}>
                      {f.correct}
                      <span className="sr-only"> – {f.entrySerial(r.serial)}</span>
                    </Link>{' '}
                    <Link to={contactFormPath(r, 'void', actions.back)}>
                      {f.void}
                      <span className="sr-only"> – {f.entrySerial(r.serial)}</span>
                    </Link>
                  </>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
