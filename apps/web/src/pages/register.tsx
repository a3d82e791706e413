import { type FormEvent, useState } from 'react';
import { api, ApiError, uuid } from '../api';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { navigate } from '../router';
import { useSession } from '../session';
import { CodeSelect, ErrorMessage, Field, Status } from '../ui';
import type { RegisterRow } from './search';

const TEXT_FIELDS = ['name', 'birthName', 'mothersName', 'birthPlace', 'taj', 'residenceAddress', 'stayAddress', 'phone', 'email', 'householdId'] as const;
const REQUIRED = new Set(['name', 'mothersName', 'birthPlace', 'birthDate', 'sex', 'citizenship']);
const CODED = ['sex', 'citizenship', 'economicActivity', 'education', 'familyStatus', 'householdRelation'] as const;

type Details = Record<string, string>;

interface Candidate {
  readonly clientId: string;
  readonly reason: string;
}

/** The candidates of INTAKE_PROBABLE_DUPLICATE (details is `[{candidates}]` or `{candidates}`). */
function candidatesOf(e: unknown): Candidate[] | null {
  if (!(e instanceof ApiError) || e.body.code !== 'INTAKE_PROBABLE_DUPLICATE') return null;
  const d = e.body.details as { candidates?: Candidate[] } | { candidates?: Candidate[] }[] | undefined;
  const list = Array.isArray(d) ? d.flatMap((x) => x.candidates ?? []) : (d?.candidates ?? []);
  return list;
}

export function RegisterPage() {
  const { t } = useI18n();
  const ref = useReference();
  const { session, setCheckpoint } = useSession();
  const district = session.claims.district;
  const [details, setDetails] = useState<Details>({ citizenship: 'HU', residenceSettlement: session.site });
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<{ ids: Candidate[]; rows: RegisterRow[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (v: string) => setDetails((d) => ({ ...d, [k]: v }));

  const lookUp = async (ids: Candidate[]): Promise<RegisterRow[]> => {
    const queries: Record<string, string>[] = [{ q: details['name'] ?? '', birthDate: details['birthDate'] ?? '' }];
    if (details['taj']) queries.push({ taj: details['taj'] });
    const found = await Promise.all(
      queries.map((query) => api<{ clients: RegisterRow[] }>(`/districts/${district}/clients`, { query }).then((r) => r.clients, () => [])),
    );
    const byId = new Map(found.flat().map((r) => [r.clientId, r]));
    return ids.flatMap((c) => byId.get(c.clientId) ?? []);
  };

  const register = async (acknowledgeDuplicates: boolean) => {
    setBusy(true);
    setError(null);
    const body = Object.fromEntries(Object.entries(details).filter(([, v]) => v.trim() !== ''));
    try {
      const reply = await api<{ clientId: string; individualId: string; checkpoint: string }>(
        `/districts/${district}/settlements/${session.site}/clients`,
        { method: 'POST', body: { details: body, ...(acknowledgeDuplicates ? { acknowledgeDuplicates } : {}) }, idempotencyKey: uuid() },
      );
      setCheckpoint(reply.checkpoint);
      // Registered despite look-alikes: the client file offers merging with them.
      const lookalikes = acknowledgeDuplicates && duplicates ? duplicates.ids.map((c) => `${c.clientId}:${duplicates.rows.find((r) => r.clientId === c.clientId)?.site ?? session.site}`) : [];
      const dups = lookalikes.length ? `&duplicates=${encodeURIComponent(lookalikes.join(','))}` : '';
      navigate(`/clients/${session.site}/${reply.clientId}?after=${encodeURIComponent(reply.checkpoint)}${dups}`);
    } catch (e) {
      const ids = candidatesOf(e);
      if (ids) setDuplicates({ ids, rows: await lookUp(ids) });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDuplicates(null);
    void register(false);
  };

  const label = (k: string) => t[k as keyof typeof t] as string;
  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title">{t.registerTitle}</h1>
      <p>
        {t.site}: {ref.settlementName(session.site)} ({session.site})
      </p>
      <form onSubmit={submit} className="grid" noValidate={false}>
        {TEXT_FIELDS.slice(0, 4).map((k) => (
          <TextField key={k} name={k} label={label(k)} required={REQUIRED.has(k)} value={details[k] ?? ''} onChange={set(k)} autoFocus={k === 'name'} />
        ))}
        <Field label={t.birthDate} required>
          {(id) => <input id={id} name="birthDate" type="date" required value={details['birthDate'] ?? ''} onChange={(e) => set('birthDate')(e.target.value)} />}
        </Field>
        <TextField name="taj" label={t.taj} value={details['taj'] ?? ''} onChange={set('taj')} inputMode="numeric" />
        {CODED.slice(0, 2).map((k) => (
          <CodeSelect key={k} list={k} label={label(k)} required value={details[k] ?? ''} onChange={set(k)} />
        ))}
        <SettlementSelect name="residenceSettlement" label={t.residenceSettlement} value={details['residenceSettlement'] ?? ''} onChange={set('residenceSettlement')} />
        <TextField name="residenceAddress" label={t.residenceAddress} value={details['residenceAddress'] ?? ''} onChange={set('residenceAddress')} />
        <SettlementSelect name="staySettlement" label={t.staySettlement} value={details['staySettlement'] ?? ''} onChange={set('staySettlement')} />
        <TextField name="stayAddress" label={t.stayAddress} value={details['stayAddress'] ?? ''} onChange={set('stayAddress')} />
        <TextField name="phone" label={t.phone} value={details['phone'] ?? ''} onChange={set('phone')} type="tel" />
        <TextField name="email" label={t.email} value={details['email'] ?? ''} onChange={set('email')} type="email" />
        {CODED.slice(2, 5).map((k) => (
          <CodeSelect key={k} list={k} label={label(k)} value={details[k] ?? ''} onChange={set(k)} />
        ))}
        <TextField name="householdId" label={t.householdId} value={details['householdId'] ?? ''} onChange={set('householdId')} />
        <CodeSelect list="householdRelation" label={t.householdRelation} value={details['householdRelation'] ?? ''} onChange={set('householdRelation')} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {duplicates && (
        <div className="warning" role="alert" aria-labelledby="dup-title">
          <h2 id="dup-title">{t.duplicateTitle}</h2>
          <ul>
            {duplicates.ids.map((c) => {
              const row = duplicates.rows.find((r) => r.clientId === c.clientId);
              const site = row?.site ?? session.site;
              return (
                <li key={c.clientId}>
                  <span>
                    {row ? `${row.name ?? ''}, ${row.birthDate ?? row.birthYear}, ${row.mothersName ?? ''} – ${ref.settlementName(row.site)} (${row.individualId})` : c.clientId}{' '}
                    ({t.duplicateReasons[c.reason] ?? c.reason})
                  </span>{' '}
                  <button type="button" onClick={() => navigate(`/clients/${site}/${c.clientId}`)}>
                    {t.linkExisting}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="secondary" disabled={busy} onClick={() => void register(true)}>
            {t.registerAnyway}
          </button>
        </div>
      )}
      <Status>{busy ? t.loading : ''}</Status>
    </section>
  );
}

interface TextFieldProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly required?: boolean;
  readonly autoFocus?: boolean;
  readonly type?: string;
  readonly inputMode?: 'numeric' | 'text';
}

export function TextField({ name, label, value, onChange, required, autoFocus, type, inputMode }: TextFieldProps) {
  return (
    <Field label={label} required={required}>
      {(id) => (
        <input
          id={id}
          name={name}
          type={type ?? 'text'}
          inputMode={inputMode}
          required={required}
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SettlementSelect({ name, label, value, onChange }: { name: string; label: string; value: string; onChange: (v: string) => void }) {
  const ref = useReference();
  const { t } = useI18n();
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.choose}</option>
          {(ref.district?.settlements ?? []).map((s) => (
            <option key={s.code} value={s.code}>
              {s.name} ({s.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
