import { type FormEvent, type ReactNode, useState } from 'react';
import { uuid } from '../../api';
import { today, useReference } from '../../reference';
import { useSession } from '../../session';
import { CodeSelect, ErrorMessage, Field } from '../../ui';
import { useCasework } from './dictionary';
import { codes, isStale } from './model';

/** Sends one case command (If-Match: the version the page shows); resolves when saved and the page reloaded. */
export type Send = (path: string, body: Record<string, unknown>) => Promise<void>;

interface CommandFormProps {
  readonly label: string;
  readonly onSubmit: () => Promise<void>;
  readonly onReload: () => void;
  readonly onCancel?: () => void;
  readonly children: ReactNode;
}

/** A case command form: Hungarian error with its code, and on a stale version (412) the way out: reload. */
export function CommandForm({ label, onSubmit, onReload, onCancel, children }: CommandFormProps) {
  const c = useCasework();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="grid panel case-form"
      onSubmit={(e) => void submit(e)}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {children}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {c.save}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {c.cancel}
          </button>
        )}
      </div>
      <div className="wide">
        <ErrorMessage error={error} />
        {isStale(error) && (
          <p>
            {c.staleHint}{' '}
            <button type="button" className="secondary" onClick={onReload}>
              {c.reload}
            </button>
          </p>
        )}
      </div>
    </form>
  );
}

interface FormProps {
  readonly send: Send;
  readonly onReload: () => void;
  readonly onCancel?: () => void;
}

function DateField({ label, name, value, onChange, required = true, autoFocus }: { label: string; name: string; value: string; onChange: (v: string) => void; required?: boolean; autoFocus?: boolean }) {
  return (
    <Field label={label} required={required}>
      {(id) => <input id={id} name={name} type="date" required={required} value={value} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function TextArea({ label, name, value, onChange, required = true, autoFocus }: { label: string; name: string; value: string; onChange: (v: string) => void; required?: boolean; autoFocus?: boolean }) {
  return (
    <Field label={label} required={required}>
      {(id) => <textarea id={id} name={name} rows={3} required={required} value={value} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function ProblemCodes({ label, value, onChange, on }: { label: string; value: string; onChange: (v: string) => void; on: string }) {
  const ref = useReference();
  const known = codes(value)
    .map((x) => ref.list('problemType', on).find((p) => p.code.toUpperCase() === x.toUpperCase()))
    .filter((x) => x !== undefined)
    .map((x) => `${x.code}: ${x.labelHu}`)
    .join('; ');
  return (
    <>
      <Field label={label} required hint={known}>
        {(id, hint) => (
          <input id={id} name="problemTypes" required autoComplete="off" list="case-problem-codes" aria-describedby={hint} value={value} onChange={(e) => onChange(e.target.value)} />
        )}
      </Field>
      <datalist id="case-problem-codes">
        {ref.list('problemType', on).map((p) => (
          <option key={p.code} value={p.code}>
            {p.labelHu}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** Canonical code spelling from the code list (the worker may type `2.1` or `i`). */
function useCanonical() {
  const ref = useReference();
  return (list: string, values: string[], on: string) => values.map((x) => ref.list(list, on).find((p) => p.code.toUpperCase() === x.toUpperCase())?.code ?? x);
}

export function ProblemForm({ send, onReload, onCancel }: FormProps) {
  const c = useCasework();
  const canonical = useCanonical();
  const [v, setV] = useState({ definedOn: today(), problemTypes: '', presented: '', workerDefinition: '', agreed: '' });
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  return (
    <CommandForm
      label={c.problem}
      onReload={onReload}
      onCancel={onCancel}
      onSubmit={() => send('problem-definitions', { ...v, problemTypes: canonical('problemType', codes(v.problemTypes), v.definedOn) })}
    >
      <TextArea label={c.presented} name="presented" value={v.presented} onChange={set('presented')} autoFocus />
      <TextArea label={c.workerDefinition} name="workerDefinition" value={v.workerDefinition} onChange={set('workerDefinition')} />
      <TextArea label={c.agreed} name="agreed" value={v.agreed} onChange={set('agreed')} />
      <ProblemCodes label={c.problemTypes} value={v.problemTypes} onChange={set('problemTypes')} on={v.definedOn} />
      <DateField label={c.definedOn} name="definedOn" value={v.definedOn} onChange={set('definedOn')} />
    </CommandForm>
  );
}

export function GoalForm({ send, onReload, onCancel, activeAge }: FormProps & { activeAge: boolean }) {
  const c = useCasework();
  const { session } = useSession();
  const [v, setV] = useState({ term: 'short', goal: '', means: '', deadline: '', responsible: session.claims.sub });
  const [programme, setProgramme] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  return (
    <CommandForm label={c.addGoal} onReload={onReload} onCancel={onCancel} onSubmit={() => send('goals', { ...v, ...(programme ? { integrationProgramme: true } : {}) })}>
      <TextArea label={c.goal} name="goal" value={v.goal} onChange={set('goal')} autoFocus />
      <TextArea label={c.means} name="means" value={v.means} onChange={set('means')} />
      <Field label={c.term} required>
        {(id) => (
          <select id={id} name="term" value={v.term} onChange={(e) => set('term')(e.target.value)}>
            <option value="short">{c.short}</option>
            <option value="long">{c.long}</option>
          </select>
        )}
      </Field>
      <DateField label={c.deadline} name="deadline" value={v.deadline} onChange={set('deadline')} />
      <Field label={c.goalResponsible} required>
        {(id) => <input id={id} name="responsible" required value={v.responsible} onChange={(e) => set('responsible')(e.target.value)} />}
      </Field>
      {activeAge && (
        <label className="check">
          <input type="checkbox" checked={programme} onChange={(e) => setProgramme(e.target.checked)} /> {c.integrationProgramme}
        </label>
      )}
    </CommandForm>
  );
}

export function EvaluateGoalForm({ send, onReload, onCancel, goalId }: FormProps & { goalId: string }) {
  const c = useCasework();
  const [v, setV] = useState({ evaluatedOn: today(), why: '', newDeadline: '' });
  const [achieved, setAchieved] = useState(true);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  return (
    <CommandForm
      label={c.evaluate}
      onReload={onReload}
      onCancel={onCancel}
      onSubmit={() =>
        send(`goals/${goalId}/evaluations`, { evaluatedOn: v.evaluatedOn, achieved, why: v.why, ...(!achieved && v.newDeadline ? { newDeadline: v.newDeadline } : {}) })
      }
    >
      <label className="check">
        <input type="checkbox" name="achieved" checked={achieved} autoFocus onChange={(e) => setAchieved(e.target.checked)} /> {c.achieved}
      </label>
      <TextArea label={c.why} name="why" value={v.why} onChange={set('why')} />
      <DateField label={c.evaluatedOn} name="evaluatedOn" value={v.evaluatedOn} onChange={set('evaluatedOn')} />
      {!achieved && <DateField label={c.newDeadline} name="newDeadline" value={v.newDeadline} onChange={set('newDeadline')} required={false} />}
    </CommandForm>
  );
}

export function AgreementForm({ send, onReload, onCancel, activeAge }: FormProps & { activeAge: boolean }) {
  const c = useCasework();
  const [v, setV] = useState({ signedOn: today(), expectedCompletion: '', workerUndertakings: '', clientUndertakings: '', documentId: '' });
  const [signature, setSignature] = useState<'paper_scan' | 'tablet'>('paper_scan');
  const [programme, setProgramme] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const { documentId, ...rest } = v;
  return (
    <CommandForm
      label={c.addAgreement}
      onReload={onReload}
      onCancel={onCancel}
      onSubmit={() => send('agreements', { ...rest, signature, ...(documentId.trim() ? { documentId: documentId.trim() } : {}), ...(programme ? { integrationProgramme: true } : {}) })}
    >
      <TextArea label={c.workerUndertakings} name="workerUndertakings" value={v.workerUndertakings} onChange={set('workerUndertakings')} autoFocus />
      <TextArea label={c.clientUndertakings} name="clientUndertakings" value={v.clientUndertakings} onChange={set('clientUndertakings')} />
      <DateField label={c.expectedCompletion} name="expectedCompletion" value={v.expectedCompletion} onChange={set('expectedCompletion')} />
      <DateField label={c.signedOn} name="signedOn" value={v.signedOn} onChange={set('signedOn')} />
      <fieldset>
        <legend>{c.signature}</legend>
        <label className="check">
          <input type="radio" name="signature" value="paper_scan" checked={signature === 'paper_scan'} onChange={() => setSignature('paper_scan')} /> {c.signaturePaper}
        </label>
        <label className="check">
          <input type="radio" name="signature" value="tablet" checked={signature === 'tablet'} onChange={() => setSignature('tablet')} /> {c.signatureTablet}
        </label>
      </fieldset>
      <Field label={c.documentId}>
        {(id) => <input id={id} name="documentId" value={v.documentId} onChange={(e) => set('documentId')(e.target.value)} />}
      </Field>
      {activeAge && (
        <label className="check">
          <input type="checkbox" checked={programme} onChange={(e) => setProgramme(e.target.checked)} /> {c.integrationProgramme}
        </label>
      )}
    </CommandForm>
  );
}

/**
 * Intézkedés. With "log as contact" the same submission also makes the forgalmi napló entry (the casework service
 * asks intake, with an id derived from the measure's), so the contact is never typed twice.
 */
export function MeasureForm({ send, onReload, onCancel, problemTypes }: FormProps & { problemTypes: readonly string[] }) {
  const c = useCasework();
  const canonical = useCanonical();
  const [v, setV] = useState({ date: today(), kind: '', description: '', nextMeetingOn: '', mode: 'IN_PERSON', problemTypes: problemTypes.join(', ') });
  const [logContact, setLogContact] = useState(true);
  // Chosen once per form: resubmitting after an error names the same measure, hence the same napló entry.
  const [measureId] = useState(uuid);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = () =>
    send('measures', {
      measureId,
      date: v.date,
      description: v.description,
      ...(v.kind ? { kind: v.kind } : {}),
      ...(v.nextMeetingOn ? { nextMeetingOn: v.nextMeetingOn } : {}),
      ...(logContact ? { logContact: { mode: v.mode, problemTypes: canonical('problemType', codes(v.problemTypes), v.date) } } : {}),
    });
  return (
    <CommandForm label={c.addMeasure} onReload={onReload} onCancel={onCancel} onSubmit={submit}>
      <TextArea label={c.description} name="description" value={v.description} onChange={set('description')} autoFocus />
      <DateField label={c.measureDate} name="date" value={v.date} onChange={set('date')} />
      <CodeSelect list="caseHandling" label={c.measureKind} value={v.kind} onChange={set('kind')} name="kind" required={logContact} />
      <DateField label={c.nextMeetingOn} name="nextMeetingOn" value={v.nextMeetingOn} onChange={set('nextMeetingOn')} required={false} />
      <label className="check wide">
        <input type="checkbox" name="logContact" checked={logContact} onChange={(e) => setLogContact(e.target.checked)} /> {c.logContact}
      </label>
      {logContact && (
        <>
          <CodeSelect list="contactMode" label={c.contactMode} value={v.mode} onChange={set('mode')} name="mode" required />
          <ProblemCodes label={c.contactProblems} value={v.problemTypes} onChange={set('problemTypes')} on={v.date} />
        </>
      )}
    </CommandForm>
  );
}

/** The forms of one dated text (process evaluation, check, close, reopen, meetings…): a date and a text. */
export function DatedTextForm({
  send,
  onReload,
  onCancel,
  label,
  path,
  dateKey,
  dateLabel,
  textKey,
  textLabel,
  textRequired = true,
  extra,
}: FormProps & {
  label: string;
  path: string;
  dateKey: string;
  dateLabel: string;
  textKey: string;
  textLabel: string;
  textRequired?: boolean;
  extra?: { key: string; label: string; options?: readonly [string, string][] };
}) {
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const [other, setOther] = useState(extra?.options?.[0]?.[0] ?? '');
  const body = { [dateKey]: date, [textKey]: text, ...(extra ? { [extra.key]: other.trim() } : {}) };
  return (
    <CommandForm label={label} onReload={onReload} onCancel={onCancel} onSubmit={() => send(path, body)}>
      {extra && (
        <Field label={extra.label} required>
          {(id) =>
            extra.options ? (
              <select id={id} name={extra.key} value={other} autoFocus onChange={(e) => setOther(e.target.value)}>
                {extra.options.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} name={extra.key} required value={other} autoFocus onChange={(e) => setOther(e.target.value)} />
            )
          }
        </Field>
      )}
      <TextArea label={textLabel} name={textKey} value={text} onChange={setText} required={textRequired} autoFocus={!extra} />
      <DateField label={dateLabel} name={dateKey} value={date} onChange={setDate} />
    </CommandForm>
  );
}
