import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, uuid } from '../../api';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { useSession } from '../../session';
import { ErrorMessage, Field, Status } from '../../ui';
import { codeLabel, codeOptions } from './codes';
import { useSignalsT } from './dictionary';
import type { MemberRow } from './signals-api';

interface CommandReply {
  readonly organisationId: string;
  readonly version: string;
  readonly checkpoint: string;
}

const EMPTY = { organisationId: '', name: '', category: '', contactName: '', contactPhone: '', contactEmail: '', userId: '', userName: '', userEmail: '' };

/** Drops empty optional strings. */
const some = <T extends Record<string, string>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));

/** Jelzőrendszeri tagok: the district centre's register of member organisations and their portal users. */
export function MembersPage() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const d = session.claims.district;
  const [rows, setRows] = useState<readonly MemberRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    try {
      setRows(await api<MemberRow[]>(`/districts/${d}/signal-members`, { query: { after: checkpoint } }));
    } catch (e) {
      setError(e);
    }
  }, [d, checkpoint]);
  useEffect(() => void load(), [load]);

  const done = (reply: CommandReply, message: string) => {
    setCheckpoint(reply.checkpoint);
    setStatus(message);
  };

  return (
    <section aria-labelledby="sig-members-title">
      <h1 id="sig-members-title">{t.membersTitle}</h1>
      <ErrorMessage error={error} />
      <Status>{status || (rows === null ? t.loading : rows.length === 0 ? t.noMembers : '')}</Status>
      {rows && rows.length > 0 && (
        <div className="sig-table-wrap">
          <table className="results">
            <thead>
              <tr>
                <th scope="col">{t.memberName}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.memberSettlements}</th>
                <th scope="col">{t.memberPortalUsers}</th>
                <th scope="col">{t.memberRegisteredOn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.organisationId}>
                  <td>{m.name}</td>
                  <td>{codeLabel('memberCategory', m.category, lang)}</td>
                  <td>{m.settlements.map((s) => ref.settlementName(s)).join(', ')}</td>
                  <td>{m.portalUsers}</td>
                  <td>{m.registeredOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterMemberForm onDone={(r) => done(r, t.memberRegistered)} />
      {rows && rows.length > 0 && <InviteForm members={rows} onDone={(r) => done(r, t.invited)} />}
    </section>
  );
}

function RegisterMemberForm({ onDone }: { onDone: (r: CommandReply) => void }) {
  const t = useSignalsT();
  const { lang } = useI18n();
  const ref = useReference();
  const { session } = useSession();
  const [v, setV] = useState(EMPTY);
  const [settlements, setSettlements] = useState<string[]>([session.site]);
  const [key, setKey] = useState(uuid);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const user = some({ userId: v.userId, name: v.userName, email: v.userEmail });
    const body = {
      ...some({ organisationId: v.organisationId }),
      name: v.name.trim(),
      category: v.category,
      settlements,
      contactPerson: some({ name: v.contactName, phone: v.contactPhone, email: v.contactEmail }),
      ...(user['userId'] ? { portalUsers: [user] } : {}),
    };
    try {
      onDone(await api<CommandReply>(`/districts/${session.claims.district}/signal-members`, { method: 'POST', body, idempotencyKey: key }));
      setV(EMPTY);
      setKey(uuid());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (k: keyof typeof EMPTY, label: string, required = false, type = 'text') => (
    <Field label={label} required={required}>
      {(id) => <input id={id} name={k} type={type} required={required} value={v[k]} onChange={set(k)} />}
    </Field>
  );
  return (
    <form className="panel sig-block" onSubmit={(e) => void submit(e)} aria-labelledby="sig-register-member">
      <h2 id="sig-register-member">{t.registerMember}</h2>
      <div className="grid">
        {field('name', t.memberName, true)}
        <Field label={t.category} required>
          {(id) => (
            <select id={id} name="category" required value={v.category} onChange={set('category')}>
              <option value="">{t.choose}</option>
              {codeOptions('memberCategory', lang).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.memberSettlements} required>
          {(id) => (
            <select id={id} name="settlements" multiple required size={4} value={settlements} onChange={(e) => setSettlements(Array.from(e.target.selectedOptions, (o) => o.value))}>
              {(ref.district?.settlements ?? []).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {field('organisationId', t.organisationId)}
        {field('contactName', t.contactName, true)}
        {field('contactPhone', t.contactPhone, false, 'tel')}
        {field('contactEmail', t.contactEmail, false, 'email')}
        {field('userId', `${t.portalUser}: ${t.userId}`)}
        {field('userName', `${t.portalUser}: ${t.personName}`)}
        {field('userEmail', `${t.portalUser}: ${t.signallerEmail}`, false, 'email')}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.registerMember}
        </button>
      </div>
    </form>
  );
}

function InviteForm({ members, onDone }: { members: readonly MemberRow[]; onDone: (r: CommandReply) => void }) {
  const t = useSignalsT();
  const { session } = useSession();
  const [v, setV] = useState({ organisationId: members[0]?.organisationId ?? '', userId: '', name: '', email: '' });
  const [key, setKey] = useState(uuid);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const path = `/districts/${session.claims.district}/signal-members/${encodeURIComponent(v.organisationId)}/portal-users`;
      onDone(await api<CommandReply>(path, { method: 'POST', body: some({ userId: v.userId, name: v.name, email: v.email }), idempotencyKey: key }));
      setV({ ...v, userId: '', name: '', email: '' });
      setKey(uuid());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel sig-block" onSubmit={(e) => void submit(e)} aria-labelledby="sig-invite">
      <h2 id="sig-invite">{t.invite}</h2>
      <div className="grid">
        <Field label={t.inviteTo} required>
          {(id) => (
            <select id={id} name="inviteOrganisation" required value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })}>
              {members.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.userId} required>
          {(id) => <input id={id} name="inviteUserId" required value={v.userId} onChange={(e) => setV({ ...v, userId: e.target.value })} />}
        </Field>
        <Field label={t.personName} required>
          {(id) => <input id={id} name="inviteName" required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
        </Field>
        <Field label={t.signallerEmail}>
          {(id) => <input id={id} name="inviteEmail" type="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} />}
        </Field>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.invite}
        </button>
      </div>
    </form>
  );
}
