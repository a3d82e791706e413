import { type FormEvent, useEffect, useState } from 'react';
import { api, type CommandReply } from '../api';
import { useIntakeForms } from '../features/intake/dictionary';
import { History } from '../features/intake/history';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { CodeSelect, ErrorMessage, Field, Status } from '../ui';
import type { ClientFile } from './client-file';
import { SettlementSelect, TextField } from './register';
import type { RegisterRow } from './search';

/** The correctable personal fields of the register, in the order of the registration form. */
const FIELDS = [
  'name',
  'birthName',
  'mothersName',
  'birthPlace',
  'birthDate',
  'taj',
  'sex',
  'citizenship',
  'residenceSettlement',
  'residenceAddress',
  'staySettlement',
  'stayAddress',
  'phone',
  'email',
  'economicActivity',
  'education',
  'familyStatus',
  'householdId',
  'householdRelation',
] as const;
type FieldName = (typeof FIELDS)[number];
const REQUIRED = new Set<FieldName>(['name', 'mothersName', 'birthPlace', 'birthDate', 'sex', 'citizenship']);
const CODED = new Set<FieldName>(['sex', 'citizenship', 'economicActivity', 'education', 'familyStatus', 'householdRelation']);
const SETTLEMENTS = new Set<FieldName>(['residenceSettlement', 'staySettlement']);

const valuesOf = (c: RegisterRow): Record<FieldName, string> =>
  Object.fromEntries(FIELDS.map((k) => [k, (c[k] as string | null | undefined) ?? ''])) as Record<FieldName, string>;

/**
 * Adatjavítás (Szt. 20. §): the client's data as registered, corrected with a reason. Only the changed fields are
 * sent (an emptied optional field is cleared), with the client's version as If-Match: 412 when someone changed the
 * client meanwhile. The history of corrections stays on the client file.
 */
export function CorrectClientPage({ site, clientId }: { site: string; clientId: string }) {
  const { t } = useI18n();
  const f = useIntakeForms();
  const { session, checkpoint, setCheckpoint } = useSession();
  const [file, setFile] = useState<ClientFile | null>(null);
  const [v, setV] = useState<Record<FieldName, string> | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const path = `/districts/${session.claims.district}/settlements/${site}/clients/${clientId}`;

  const [initialAfter] = useState(checkpoint);
  useEffect(() => {
    api<ClientFile>(path, { query: { after: initialAfter } }).then((r) => {
      setFile(r);
      setV(valuesOf(r.client));
    }, setError);
  }, [path, initialAfter]);

  const set = (k: FieldName) => (value: string) => setV((x) => (x ? { ...x, [k]: value } : x));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !v) return;
    const before = valuesOf(file.client);
    const changes = Object.fromEntries(
      FIELDS.filter((k) => v[k].trim() !== before[k]).map((k) => [k, v[k].trim() === '' ? null : k === 'taj' ? v[k].replace(/\D/g, '') : v[k].trim()]),
    );
    if (Object.keys(changes).length === 0) {
      setError(new Error(f.noChanges));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await api<CommandReply>(path, { method: 'PATCH', body: { reason: reason.trim(), changes }, ifMatch: file.client.version ?? '0' });
      setCheckpoint(reply.checkpoint);
      navigate(`/clients/${site}/${clientId}?after=${encodeURIComponent(reply.checkpoint)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const label = (k: FieldName) => t[k as keyof typeof t] as string;
  return (
    <section aria-labelledby="client-correct-title">
      <h1 id="client-correct-title">
        {f.correctClientTitle}
        {file?.client.name ? `: ${file.client.name}` : ''}
      </h1>
      <p>
        <Link to={`/clients/${site}/${clientId}`}>{f.backToFile}</Link>
      </p>
      {!file && !error && <Status>{t.loading}</Status>}
      {file && v && (
        <>
          <History corrections={file.corrections ?? []} />
          <form onSubmit={(e) => void submit(e)} className="grid" aria-labelledby="client-correct-title">
            {FIELDS.map((k) =>
              CODED.has(k) ? (
                <CodeSelect key={k} list={k} label={label(k)} required={REQUIRED.has(k)} value={v[k]} onChange={set(k)} name={k} />
              ) : SETTLEMENTS.has(k) ? (
                <SettlementSelect key={k} name={k} label={label(k)} value={v[k]} onChange={set(k)} />
              ) : k === 'birthDate' ? (
                <Field key={k} label={t.birthDate} required>
                  {(id) => <input id={id} name="birthDate" type="date" required value={v[k]} onChange={(e) => set(k)(e.target.value)} />}
                </Field>
              ) : (
                <TextField
                  key={k}
                  name={k}
                  label={label(k)}
                  required={REQUIRED.has(k)}
                  value={v[k]}
                  onChange={set(k)}
                  autoFocus={k === 'name'}
                  type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
                  inputMode={k === 'taj' ? 'numeric' : undefined}
                />
              ),
            )}
            <Field label={f.reason} required hint={f.reasonHint}>
              {(id, hint) => (
                <textarea id={id} name="reason" required rows={2} maxLength={1000} aria-describedby={hint} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </Field>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t.save}
              </button>
            </div>
          </form>
        </>
      )}
      <ErrorMessage error={error} />
      <Status>{busy ? t.loading : ''}</Status>
    </section>
  );
}
