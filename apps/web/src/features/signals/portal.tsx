import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { Link } from '../../router';
import { remember, remembered, useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { useSignalsT } from './dictionary';
import { OnCall, SignalForm, type SignalDraft } from './signal-form';
import { ATTACHMENT_LIMITS, type ContactPerson, type FeedbackItem, formatInstant, portalPath, submissionBody, type SubmitSignalReply } from './signals-api';

/** The settlements a member may signal about: the whole district, its own settlements first. */
export function useDistrictSettlements(first: readonly string[]): { code: string; name: string }[] {
  const ref = useReference();
  const all = ref.district?.settlements ?? first.map((code) => ({ code, name: code }));
  const own = all.filter((s) => first.includes(s.code));
  const rest = all.filter((s) => !first.includes(s.code)).sort((a, b) => a.name.localeCompare(b.name, 'hu'));
  return [...own, ...rest].map((s) => ({ code: s.code, name: `${s.name} (${s.code})` }));
}

/** Moves focus to a heading once shown, so a screen reader announces the new state (receipt, result). */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** Jelzés küldése from the member portal: the form, then the receipt with the reference number. */
export function PortalSubmitPage() {
  const t = useSignalsT();
  const { session, sites, setCheckpoint } = useSession();
  const settlements = useDistrictSettlements(sites);
  const [receipt, setReceipt] = useState<SubmitSignalReply | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [progress, setProgress] = useState<string | undefined>();
  const lastSignaller = remembered<ContactPerson>(session.claims.sub, 'signaller');

  const submit = async ({ body, idempotencyKey, files }: SignalDraft) => {
    setProgress(files.length ? t.uploading(files.map((f) => f.name).join(', ')) : undefined);
    const reply = await api<SubmitSignalReply>(portalPath(session), { method: 'POST', body: submissionBody(body, files), idempotencyKey });
    if (body.signaller) remember(session.claims.sub, 'signaller', body.signaller);
    setCheckpoint(reply.checkpoint);
    setReceipt(reply);
  };

  if (receipt)
    return (
      <Receipt
        reply={receipt}
        onNew={() => {
          setReceipt(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  return (
    <section aria-labelledby="sig-submit-title" className="sig-narrow">
      <h1 id="sig-submit-title">{t.submitTitle}</h1>
      <p className="sig-oncall-line">
        {t.onCallBanner}{' '}
        <a href="tel:112" className="sig-tel">
          112
        </a>
      </p>
      <p>{t.submitIntro}</p>
      <SignalForm
        key={formKey}
        settlements={settlements}
        initialSettlement={session.site}
        initialSignaller={{ name: lastSignaller.name ?? session.displayName.replace(/\s*\(.*\)$/, ''), phone: lastSignaller.phone, email: lastSignaller.email }}
        attachments={ATTACHMENT_LIMITS}
        progress={progress}
        onSubmit={submit}
      />
    </section>
  );
}

function Receipt({ reply, onNew }: { reply: SubmitSignalReply; onNew: () => void }) {
  const t = useSignalsT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="sig-receipt-title" className="sig-narrow">
      <h1 id="sig-receipt-title" tabIndex={-1} ref={heading}>
        {t.receiptTitle}
      </h1>
      {reply.critical && <OnCall text={t.receiptCritical} number={reply.onCallNumber ?? '112'} />}
      <div className="sig-receipt panel">
        <p>{t.receiptReference}:</p>
        <p className="sig-reference" data-testid="reference">
          {reply.reference}
        </p>
        <p>{t.receiptKeep}</p>
        {reply.attachments && reply.attachments.length > 0 && (
          <ul className="sig-files">
            {reply.attachments.map((a) => (
              <li key={a.attachmentId}>
                {a.fileName} ({Math.ceil(a.size / 1024)} kB)
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="actions sig-actions">
        <button type="button" onClick={onNew}>
          {t.newSignal}
        </button>
        <Link to="/portal/signals" className="button secondary">
          {t.toList}
        </Link>
      </div>
    </section>
  );
}

/** The organisation's own signals with the status the law lets it see (feedback), newest first. */
export function PortalListPage({ focusSignalId }: { focusSignalId?: string }) {
  const t = useSignalsT();
  const { lang } = useI18n();
  const { session, checkpoint } = useSession();
  const [items, setItems] = useState<readonly FeedbackItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<FeedbackItem | null | undefined>(undefined);

  const load = useCallback(async () => {
    setError(null);
    try {
      const rows = await api<FeedbackItem[]>(portalPath(session), { query: { after: checkpoint } });
      setItems([...rows].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)));
    } catch (e) {
      setError(e);
    }
  }, [session, checkpoint]);
  useEffect(() => void load(), [load]);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const ref = reference.trim().toUpperCase();
      const res = await fetchOne(`${portalPath(session)}/by-reference/${encodeURIComponent(ref)}`);
      setFound(res ?? null);
    } catch (err) {
      setError(err);
    }
  };

  const shown = focusSignalId ? (items ?? []).filter((i) => i.signalId === focusSignalId) : (items ?? []);
  return (
    <section aria-labelledby="sig-list-title" className="sig-narrow">
      <h1 id="sig-list-title">{t.listTitle}</h1>
      <p>{t.listIntro}</p>
      <form role="search" className="sig-inline" onSubmit={(e) => void find(e)}>
        <Field label={t.findReference}>
          {(id) => <input id={id} name="reference" placeholder="J-XXXXX-XXXXX" value={reference} onChange={(e) => setReference(e.target.value)} />}
        </Field>
        <button type="submit">{t.findReference}</button>
      </form>
      {found === null && <p role="status">{t.notFoundReference}</p>}
      {found && <FeedbackCards items={[found]} lang={lang} />}
      <div className="toolbar">
        <button type="button" className="secondary" onClick={() => void load()}>
          {t.refresh}
        </button>
        {focusSignalId && (
          <Link to="/portal/signals" className="button secondary">
            {t.toList}
          </Link>
        )}
      </div>
      <ErrorMessage error={error} />
      <Status>{items === null ? t.loading : items.length === 0 ? t.noSignals : shown.length === 0 ? t.notFoundReference : ''}</Status>
      {shown.length > 0 && <FeedbackCards items={shown} lang={lang} />}
    </section>
  );
}

/** The by-reference lookup answers `undefined` (an empty body) for an unknown or another organisation's number. */
async function fetchOne(path: string): Promise<FeedbackItem | undefined> {
  try {
    return await api<FeedbackItem | undefined>(path);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}

function FeedbackCards({ items, lang }: { items: readonly FeedbackItem[]; lang: string }) {
  const t = useSignalsT();
  return (
    <ul className="sig-cards" aria-label={t.listTitle}>
      {items.map((i) => (
        <li key={i.signalId} className={`sig-card sig-status-${i.status}`} data-reference={i.reference}>
          <p className="sig-card-ref">{i.reference}</p>
          <dl>
            <dt>{t.status}</dt>
            <dd>
              <span className="sig-badge" data-status={i.status}>
                {t.statuses[i.status] ?? i.status}
              </span>
            </dd>
            <dt>{t.statusSince}</dt>
            <dd>{formatInstant(i.statusSince, lang)}</dd>
            <dt>{t.about}</dt>
            <dd>{t.subjectKinds[i.subjectKind]}</dd>
            <dt>{t.submittedAt}</dt>
            <dd>{formatInstant(i.submittedAt, lang)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
