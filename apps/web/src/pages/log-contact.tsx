import { type FormEvent, useState } from 'react';
import { api, type CommandReply, uuid } from '../api';
import { useI18n } from '../i18n';
import { today, useReference } from '../reference';
import { navigate } from '../router';
import { remember, remembered, useSession } from '../session';
import { CodeSelect, ErrorMessage, Field, Status } from '../ui';

/** The values a worker usually repeats from one entry to the next (kept in localStorage). */
interface LastUsed {
  mode: string;
  referrer: string;
  caseHandling: string;
  caseWorkerId: string;
}

const codes = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/**
 * Kapcsolatfelvétel: keyboard-first. Focus starts on the problem codes; date, site, the worker on duty and the
 * last-used mode, referrer and case handling are filled in, so Enter after the code saves a returning client's contact.
 */
export function LogContactPage({ site, clientId }: { site?: string; clientId?: string }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const { session, setCheckpoint } = useSession();
  const last = remembered<LastUsed>(session.claims.sub, 'contact');
  const [v, setV] = useState({
    date: today(),
    dutyWorkerId: session.claims.sub,
    caseWorkerId: last.caseWorkerId ?? '',
    mode: last.mode ?? 'IN_PERSON',
    referrer: last.referrer ?? '',
    problemTypes: '',
    caseHandling: last.caseHandling ?? 'I',
    description: '',
  });
  const [benefits, setBenefits] = useState<string[]>([]);
  const [crisis, setCrisis] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  const unknown = (list: string, values: string[]) => values.filter((c) => !ref.list(list, v.date).some((x) => x.code.toUpperCase() === c));
  const canonical = (list: string, values: string[]) =>
    values.map((c) => ref.list(list, v.date).find((x) => x.code.toUpperCase() === c)?.code ?? c);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = codes(v.problemTypes);
    const handling = codes(v.caseHandling);
    const bad = [...unknown('problemType', problems), ...unknown('caseHandling', handling)];
    if (ref.codes.length > 0 && bad.length > 0) {
      setError(new Error(t.codesUnknown(bad.join(', '))));
      return;
    }
    setBusy(true);
    setError(null);
    const body = {
      date: v.date,
      dutyWorkerId: v.dutyWorkerId,
      ...(v.caseWorkerId ? { caseWorkerId: v.caseWorkerId } : {}),
      subject: clientId ? { kind: 'client', clientId } : { kind: 'anonymous' },
      mode: v.mode,
      ...(v.referrer ? { referrer: v.referrer } : {}),
      problemTypes: canonical('problemType', problems),
      caseHandling: canonical('caseHandling', handling),
      benefits,
      crisis,
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
    };
    try {
      const reply = await api<CommandReply>(`/districts/${session.claims.district}/settlements/${session.site}/contacts`, {
        method: 'POST',
        body,
        idempotencyKey: uuid(),
      });
      remember<LastUsed>(session.claims.sub, 'contact', { mode: v.mode, referrer: v.referrer, caseHandling: v.caseHandling, caseWorkerId: v.caseWorkerId });
      setCheckpoint(reply.checkpoint);
      if (clientId && site) navigate(`/clients/${site}/${clientId}?after=${encodeURIComponent(reply.checkpoint)}`);
      else {
        setStatus(t.contactSaved);
        setV((x) => ({ ...x, problemTypes: '', description: '' }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const hintFor = (list: string, value: string) =>
    codes(value)
      .map((c) => ref.list(list, v.date).find((x) => x.code.toUpperCase() === c))
      .filter((x) => x !== undefined)
      .map((x) => `${x.code}: ${lang === 'hu' ? x.labelHu : x.labelEn}`)
      .join('; ');

  return (
    <section aria-labelledby="contact-title">
      <h1 id="contact-title">{t.logContact}</h1>
      <p>
        {clientId ? t.client : t.anonymous} · {t.site}: {ref.settlementName(session.site)} ({session.site})
      </p>
      <form onSubmit={(e) => void submit(e)} className="grid">
        <Field label={t.problemTypes} required hint={hintFor('problemType', v.problemTypes) || t.problemHint}>
          {(id, hint) => (
            <input
              id={id}
              name="problemTypes"
              required
              autoFocus
              autoComplete="off"
              list="problem-codes"
              aria-describedby={hint}
              value={v.problemTypes}
              onChange={(e) => set('problemTypes')(e.target.value)}
            />
          )}
        </Field>
        <datalist id="problem-codes">
          {ref.list('problemType', v.date).map((c) => (
            <option key={c.code} value={c.code}>
              {c.labelHu}
            </option>
          ))}
        </datalist>
        <Field label={t.caseHandling} required hint={hintFor('caseHandling', v.caseHandling)}>
          {(id, hint) => (
            <input id={id} name="caseHandling" required autoComplete="off" aria-describedby={hint} value={v.caseHandling} onChange={(e) => set('caseHandling')(e.target.value)} />
          )}
        </Field>
        <CodeSelect list="contactMode" label={t.mode} required value={v.mode} onChange={set('mode')} name="mode" />
        <CodeSelect list="referrer" label={t.referrer} value={v.referrer} onChange={set('referrer')} name="referrer" />
        <Field label={t.date} required>
          {(id) => <input id={id} name="date" type="date" required value={v.date} onChange={(e) => set('date')(e.target.value)} />}
        </Field>
        <fieldset>
          <legend>{t.benefits}</legend>
          {ref.list('benefit', v.date).map((b) => (
            <label key={b.code} className="check">
              <input
                type="checkbox"
                checked={benefits.includes(b.code)}
                onChange={(e) => setBenefits(e.target.checked ? [...benefits, b.code] : benefits.filter((x) => x !== b.code))}
              />{' '}
              {b.labelHu} ({b.code})
            </label>
          ))}
          <label className="check">
            <input type="checkbox" name="crisis" checked={crisis} onChange={(e) => setCrisis(e.target.checked)} /> {t.crisis}
          </label>
        </fieldset>
        <Field label={t.dutyWorker} required>
          {(id) => <input id={id} name="dutyWorkerId" required value={v.dutyWorkerId} onChange={(e) => set('dutyWorkerId')(e.target.value)} />}
        </Field>
        <Field label={t.caseWorker}>
          {(id) => <input id={id} name="caseWorkerId" value={v.caseWorkerId} onChange={(e) => set('caseWorkerId')(e.target.value)} />}
        </Field>
        <Field label={t.description}>
          {(id) => <textarea id={id} name="description" rows={3} value={v.description} onChange={(e) => set('description')(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : status}</Status>
    </section>
  );
}
