import { type FormEvent, useState } from 'react';
import { api, type CommandReply, uuid } from '../api';
import { useIntakeForms } from '../features/intake/dictionary';
import { useI18n } from '../i18n';
import { today, useReference } from '../reference';
import { Link } from '../router';
import { remember, remembered, useSession } from '../session';
import { CodeSelect, ErrorMessage, Field, Status } from '../ui';

interface LastUsed {
  groupType: string;
}

/**
 * Csoportfoglalkozás / közösségi munka: one forgalmi napló entry with the number of participants (and of new ones),
 * no client named. Keyboard-first: focus starts on the kind, the date and the worker on duty are filled in.
 */
export function GroupSessionPage() {
  const { t } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const { session, setCheckpoint } = useSession();
  const last = remembered<LastUsed>(session.claims.sub, 'group');
  const [v, setV] = useState({
    groupType: last.groupType ?? '',
    date: today(),
    participantCount: '',
    newParticipantCount: '',
    dutyWorkerId: session.claims.sub,
    caseWorkerId: '',
    description: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [savedOn, setSavedOn] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    const body = {
      date: v.date,
      dutyWorkerId: v.dutyWorkerId.trim(),
      ...(v.caseWorkerId.trim() ? { caseWorkerId: v.caseWorkerId.trim() } : {}),
      groupType: v.groupType,
      participantCount: Number(v.participantCount),
      ...(v.newParticipantCount !== '' ? { newParticipantCount: Number(v.newParticipantCount) } : {}),
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
    };
    try {
      const reply = await api<CommandReply>(`/districts/${session.claims.district}/settlements/${session.site}/group-sessions`, {
        method: 'POST',
        body,
        idempotencyKey: uuid(),
      });
      remember<LastUsed>(session.claims.sub, 'group', { groupType: v.groupType });
      setCheckpoint(reply.checkpoint);
      setSavedOn(v.date);
      setStatus(f.groupSaved);
      setV((x) => ({ ...x, participantCount: '', newParticipantCount: '', description: '' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="group-title">
      <h1 id="group-title">{f.groupSessionTitle}</h1>
      <p>
        {t.site}: {ref.settlementName(session.site)} ({session.site})
      </p>
      <form onSubmit={(e) => void submit(e)} className="grid">
        <CodeSelect list="groupType" label={f.groupType} required value={v.groupType} onChange={set('groupType')} name="groupType" autoFocus />
        <Field label={f.participantCount} required>
          {(id) => (
            <input
              id={id}
              name="participantCount"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              required
              value={v.participantCount}
              onChange={(e) => set('participantCount')(e.target.value)}
            />
          )}
        </Field>
        <Field label={f.newParticipantCount}>
          {(id) => (
            <input
              id={id}
              name="newParticipantCount"
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={v.newParticipantCount}
              onChange={(e) => set('newParticipantCount')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.date} required>
          {(id) => <input id={id} name="date" type="date" required value={v.date} onChange={(e) => set('date')(e.target.value)} />}
        </Field>
        <Field label={t.dutyWorker} required>
          {(id) => <input id={id} name="dutyWorkerId" required value={v.dutyWorkerId} onChange={(e) => set('dutyWorkerId')(e.target.value)} />}
        </Field>
        <Field label={t.caseWorker}>
          {(id) => <input id={id} name="caseWorkerId" value={v.caseWorkerId} onChange={(e) => set('caseWorkerId')(e.target.value)} />}
        </Field>
        <Field label={t.description}>
          {(id) => <textarea id={id} name="description" rows={3} maxLength={2000} value={v.description} onChange={(e) => set('description')(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : status}</Status>
      {savedOn && <Link to={`/naplo?date=${savedOn}`}>{t.naploTitle}</Link>}
    </section>
  );
}
