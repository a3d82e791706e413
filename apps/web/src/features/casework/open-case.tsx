import { type FormEvent, useEffect, useState } from 'react';
import { api, uuid } from '../../api';
import { useI18n } from '../../i18n';
import { today, useReference } from '../../reference';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { useCasework } from './dictionary';
import { type CaseCommandReply, casePath } from './model';

interface HouseholdMember {
  readonly clientId: string;
  readonly name: string | null;
  readonly birthYear: number;
  readonly householdRelation: string | null;
  readonly site: string;
}

interface ClientFile {
  readonly client: { readonly clientId: string; readonly name: string | null; readonly individualId: string; readonly householdId: string | null };
  readonly household: readonly HouseholdMember[];
}

/**
 * Gondozásba vétel from the client's file: the identity comes from the register (never typed again), the family
 * members are picked from the register's household of the client, not typed as ids.
 */
export function OpenCasePage({ site, clientId }: { site: string; clientId: string }) {
  const c = useCasework();
  const { lang } = useI18n();
  const ref = useReference();
  const { session } = useSession();
  const [file, setFile] = useState<ClientFile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [members, setMembers] = useState<string[]>([]);
  const [worker, setWorker] = useState(session.claims.sub);
  const [openedOn, setOpenedOn] = useState(today());
  const [activeAge, setActiveAge] = useState(false);
  const [registeredOn, setRegisteredOn] = useState(today());
  // One key per form: a retried submission (double click, network retry) opens one case only.
  const [caseId] = useState(uuid);
  const base = `/districts/${session.claims.district}/settlements/${site}`;

  useEffect(() => {
    void api<ClientFile>(`${base}/clients/${clientId}`).then(setFile, setError);
  }, [base, clientId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      caseId,
      clientId,
      ...(members.length ? { memberIds: members } : {}),
      responsibleWorkerId: worker.trim(),
      openedOn,
      ...(activeAge ? { activeAge: { registeredOn } } : {}),
    };
    try {
      const reply = await api<CaseCommandReply>(`${base}/cases`, { method: 'POST', body, idempotencyKey: caseId });
      navigate(casePath(site, reply.caseId));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const others = file?.household.filter((h) => h.clientId !== clientId) ?? [];
  return (
    <section aria-labelledby="open-case-title" className="casework">
      <h1 id="open-case-title">{c.openCaseTitle}</h1>
      {!file && !error && <Status>{c.loading}</Status>}
      {file && (
        <p>
          {c.client}: <strong>{file.client.name ?? file.client.clientId}</strong> · {c.individualId}: {file.client.individualId} · {c.site}:{' '}
          {ref.settlementName(site)} ({site})
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="grid" aria-label={c.openCase}>
        <fieldset className="wide">
          <legend>{c.familyMembers}</legend>
          {others.length === 0 ? (
            <p>{c.noHousehold}</p>
          ) : (
            others.map((h) => (
              <label key={h.clientId} className="check">
                <input
                  type="checkbox"
                  name="memberIds"
                  value={h.clientId}
                  checked={members.includes(h.clientId)}
                  onChange={(e) => setMembers(e.target.checked ? [...members, h.clientId] : members.filter((m) => m !== h.clientId))}
                />{' '}
                {h.name ?? h.clientId} ({h.birthYear}){h.householdRelation ? `, ${ref.label('householdRelation', h.householdRelation, lang)}` : ''}
              </label>
            ))
          )}
        </fieldset>
        <Field label={c.responsibleWorker} required hint={c.responsibleHint}>
          {(id, hint) => <input id={id} name="responsibleWorkerId" required value={worker} aria-describedby={hint} onChange={(e) => setWorker(e.target.value)} />}
        </Field>
        <Field label={c.openedOn} required>
          {(id) => <input id={id} name="openedOn" type="date" required value={openedOn} onChange={(e) => setOpenedOn(e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" name="activeAge" checked={activeAge} onChange={(e) => setActiveAge(e.target.checked)} /> {c.activeAge}
        </label>
        {activeAge && (
          <Field label={c.activeAgeRegisteredOn} required>
            {(id) => <input id={id} name="registeredOn" type="date" required value={registeredOn} onChange={(e) => setRegisteredOn(e.target.value)} />}
          </Field>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || !file}>
            {c.openCase}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
