import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { uuid } from '../../api';
import { useI18n } from '../../i18n';
import { today } from '../../reference';
import { ErrorMessage, Field, Status } from '../../ui';
import { codeOptions } from './codes';
import { useSignalsT } from './dictionary';
import type { ContactPerson, SignalRequest, SubjectKind, Urgency } from './signals-api';

/** Client-side limits of the attachment picker; the server checks size and content again. */
export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly maxFiles: number;
  readonly accept: string;
}

/**
 * One submission of the form: the signal id and the Idempotency-Key are chosen once per draft, so a double click or
 * a retry after a lost answer sends the same key and body and never makes a second signal.
 */
export interface SignalDraft {
  readonly body: SignalRequest;
  readonly idempotencyKey: string;
  readonly files: readonly File[];
}

interface Props {
  readonly settlements: readonly { readonly code: string; readonly name: string }[];
  readonly initialSettlement: string;
  readonly initialSignaller?: ContactPerson;
  /** Sends the draft; a thrown error is shown and the draft (with its key) is kept for the retry. */
  onSubmit(draft: SignalDraft): Promise<void>;
  /** Extra fields before the submit button (the channel of a staff recording). */
  readonly extra?: ReactNode;
  readonly signallerLegend?: string;
  readonly attachments?: AttachmentLimits;
  /** Progress of the submission shown in the live region (proof of work, uploads). */
  readonly progress?: string;
}

const SUBJECT_KINDS: readonly SubjectKind[] = ['child', 'adult', 'family'];

/** Drops empty strings so optional fields are absent, not blank. */
function compact<T extends Record<string, string>>(o: T): Partial<T> | undefined {
  const entries = Object.entries(o).filter(([, v]) => v.trim() !== '');
  return entries.length ? (Object.fromEntries(entries.map(([k, v]) => [k, v.trim()])) as Partial<T>) : undefined;
}

/** The jelzés form, phone-sized first: one column, large targets, the on-call number shown at once for danger. */
export function SignalForm({ settlements, initialSettlement, initialSignaller, onSubmit, extra, signallerLegend, attachments, progress }: Props) {
  const { lang } = useI18n();
  const t = useSignalsT();
  const [draft] = useState(() => ({ signalId: uuid(), key: uuid() }));
  const [subjectKind, setSubjectKind] = useState<SubjectKind>('child');
  const [settlement, setSettlement] = useState(initialSettlement);
  const [subject, setSubject] = useState({ name: '', birthDate: '', taj: '', address: '', description: '' });
  const [categories, setCategories] = useState<string[]>([]);
  const [observed, setObserved] = useState('');
  const [observedSince, setObservedSince] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [signaller, setSignaller] = useState({ name: initialSignaller?.name ?? '', phone: initialSignaller?.phone ?? '', email: initialSignaller?.email ?? '' });
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const toggle = (code: string, on: boolean) => setCategories((c) => (on ? [...c, code] : c.filter((x) => x !== code)));

  const pickFiles = (list: FileList | null) => {
    if (!attachments || !list) return;
    const next = [...files, ...Array.from(list)];
    const big = next.find((f) => f.size > attachments.maxBytes);
    if (big) setFileError(t.attachmentTooLarge(big.name));
    else if (next.length > attachments.maxFiles) setFileError(t.attachmentTooMany);
    else {
      setFileError(null);
      setFiles(next);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A second click while the first is on its way is ignored; a retry after a failure reuses the draft's key.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const contact = compact(signaller);
    const body: SignalRequest = {
      signalId: draft.signalId,
      settlement,
      subjectKind,
      categories,
      urgency,
      observed: observed.trim(),
      subject: compact(subject) ?? {},
      ...(observedSince ? { observedSince } : {}),
      ...(contact?.name ? { signaller: contact as ContactPerson } : {}),
    };
    try {
      await onSubmit({ body, idempotencyKey: draft.key, files });
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <form className="sig-form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <fieldset>
        <legend>{t.aboutWhom}</legend>
        {SUBJECT_KINDS.map((k) => (
          <label key={k} className="sig-choice">
            <input type="radio" name="subjectKind" value={k} checked={subjectKind === k} onChange={() => setSubjectKind(k)} />
            {t.subjectKinds[k]}
          </label>
        ))}
      </fieldset>
      <Field label={t.settlement} required>
        {(id) => (
          <select id={id} name="settlement" required value={settlement} onChange={(e) => setSettlement(e.target.value)}>
            {settlements.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.subjectName}>
        {(id) => <input id={id} name="subjectName" autoComplete="off" value={subject.name} onChange={(e) => setSubject({ ...subject, name: e.target.value })} />}
      </Field>
      <Field label={t.subjectBirthDate}>
        {(id) => <input id={id} name="subjectBirthDate" type="date" max={today()} value={subject.birthDate} onChange={(e) => setSubject({ ...subject, birthDate: e.target.value })} />}
      </Field>
      <Field label={t.subjectTaj}>
        {(id) => <input id={id} name="subjectTaj" inputMode="numeric" autoComplete="off" value={subject.taj} onChange={(e) => setSubject({ ...subject, taj: e.target.value })} />}
      </Field>
      <Field label={t.subjectAddress}>
        {(id) => <input id={id} name="subjectAddress" autoComplete="off" value={subject.address} onChange={(e) => setSubject({ ...subject, address: e.target.value })} />}
      </Field>
      {subjectKind === 'family' && (
        <Field label={t.subjectDescription}>
          {(id) => <textarea id={id} name="subjectDescription" rows={2} value={subject.description} onChange={(e) => setSubject({ ...subject, description: e.target.value })} />}
        </Field>
      )}
      <fieldset>
        <legend>
          {t.categories} <span className="req">({t.categoriesHint})</span>
        </legend>
        {codeOptions('endangerment', lang).map((o) => (
          <label key={o.code} className="sig-choice">
            <input type="checkbox" name="categories" value={o.code} checked={categories.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <Field label={t.observed} required hint={t.observedHint}>
        {(id, describedBy) => (
          <textarea id={id} name="observed" rows={5} required maxLength={4000} aria-describedby={describedBy} value={observed} onChange={(e) => setObserved(e.target.value)} />
        )}
      </Field>
      <Field label={t.observedSince}>
        {(id) => <input id={id} name="observedSince" type="date" max={today()} value={observedSince} onChange={(e) => setObservedSince(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t.urgency}</legend>
        <label className="sig-choice">
          <input type="radio" name="urgency" value="normal" checked={urgency === 'normal'} onChange={() => setUrgency('normal')} />
          {t.urgencyNormal}
        </label>
        <label className="sig-choice">
          <input type="radio" name="urgency" value="immediate" checked={urgency === 'immediate'} onChange={() => setUrgency('immediate')} />
          {t.urgencyImmediate}
        </label>
      </fieldset>
      {urgency === 'immediate' && <OnCall text={t.immediateWarning} />}
      <fieldset className="sig-stack">
        <legend>{signallerLegend ?? t.signaller}</legend>
        {/* A phone number or e-mail needs a name to ask for (the service's contact person has one). */}
        <Field label={t.signallerName} required={Boolean(signaller.phone.trim() || signaller.email.trim())}>
          {(id) => (
            <input
              id={id}
              name="signallerName"
              autoComplete="name"
              required={Boolean(signaller.phone.trim() || signaller.email.trim())}
              value={signaller.name}
              onChange={(e) => setSignaller({ ...signaller, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.signallerPhone}>
          {(id) => <input id={id} name="signallerPhone" type="tel" autoComplete="tel" value={signaller.phone} onChange={(e) => setSignaller({ ...signaller, phone: e.target.value })} />}
        </Field>
        <Field label={t.signallerEmail}>
          {(id) => <input id={id} name="signallerEmail" type="email" autoComplete="email" value={signaller.email} onChange={(e) => setSignaller({ ...signaller, email: e.target.value })} />}
        </Field>
      </fieldset>
      {attachments && (
        <Field label={t.attachments} hint={t.attachmentsHint(Math.round(attachments.maxBytes / 1_048_576), attachments.maxFiles)}>
          {(id, describedBy) => (
            <>
              <input id={id} name="attachments" type="file" multiple accept={attachments.accept} aria-describedby={describedBy} onChange={(e) => { pickFiles(e.target.files); e.target.value = ''; }} />
              {fileError && (
                <p className="flag" role="alert">
                  {fileError}
                </p>
              )}
              {files.length > 0 && (
                <ul className="sig-files">
                  {files.map((f, i) => (
                    <li key={`${f.name}-${i}`}>
                      {f.name} ({Math.ceil(f.size / 1024)} kB){' '}
                      <button type="button" className="secondary" aria-label={t.attachmentRemove(f.name)} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Field>
      )}
      {extra}
      <ErrorMessage error={error} />
      <Status>{busy ? (progress ?? t.sending) : ''}</Status>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t.sending : t.send}
        </button>
      </div>
    </form>
  );
}

/** The on-call number as a call link: shown at once when immediate danger is chosen, and on a critical receipt. */
export function OnCall({ text, number = '112', alert = true }: { text: string; number?: string; alert?: boolean }) {
  return (
    <div className="sig-oncall" role={alert ? 'alert' : undefined}>
      <p>{text}</p>
      <a className="button sig-call" href={`tel:${number}`}>
        {number}
      </a>
    </div>
  );
}
