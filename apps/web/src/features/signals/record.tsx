import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useSession } from '../../session';
import { Field } from '../../ui';
import { codeOptions } from './codes';
import { useSignalsT } from './dictionary';
import { useDistrictSettlements } from './portal';
import { SignalForm, type SignalDraft } from './signal-form';
import { ATTACHMENT_LIMITS, MEMBER_ADMIN_ROLES, type MemberRow, submissionBody, type SubmitSignalReply } from './signals-api';

/** A signal that reached the service by phone, e-mail, paper or in person, recorded by staff with its channel. */
export function RecordSignalPage() {
  const t = useSignalsT();
  const { lang } = useI18n();
  const { session, sites, setCheckpoint } = useSession();
  const settlements = useDistrictSettlements(sites).filter((s) => sites.includes(s.code));
  const [channel, setChannel] = useState('PHONE');
  const [organisationId, setOrganisationId] = useState('');
  const [members, setMembers] = useState<readonly MemberRow[]>([]);
  const [receipt, setReceipt] = useState<(SubmitSignalReply & { settlement: string }) | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    // The member register is the district centre's; a settlement worker records without choosing a member.
    if (!MEMBER_ADMIN_ROLES.has(session.claims.role)) return;
    void api<MemberRow[]>(`/districts/${session.claims.district}/signal-members`).then(setMembers, () => setMembers([]));
  }, [session.claims.district, session.claims.role]);

  const submit = async ({ body, idempotencyKey, files }: SignalDraft) => {
    const full = { ...body, channel, ...(organisationId ? { organisationId } : {}) };
    const reply = await api<SubmitSignalReply>(`/districts/${session.claims.district}/settlements/${body.settlement}/signals`, {
      method: 'POST',
      body: submissionBody(full, files),
      idempotencyKey,
    });
    setCheckpoint(reply.checkpoint);
    setReceipt({ ...reply, settlement: body.settlement });
    setFormKey((k) => k + 1);
  };

  const extra = (
    <>
      <Field label={t.recordChannel} required>
        {(id) => (
          <select id={id} name="channel" required value={channel} onChange={(e) => setChannel(e.target.value)}>
            {codeOptions('channel', lang)
              .filter((o) => o.code !== 'PORTAL' && o.code !== 'WEB_FORM')
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
          </select>
        )}
      </Field>
      {members.length > 0 && (
        <Field label={t.recordMember}>
          {(id) => (
            <select id={id} name="organisationId" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <option value="">{t.noMember}</option>
              {members.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
  return (
    <section aria-labelledby="sig-record-title" className="sig-narrow">
      <h1 id="sig-record-title">{t.recordTitle}</h1>
      {receipt && (
        <p className="status" role="status">
          {t.recorded(receipt.reference)} · <Link to={`/signals/${receipt.settlement}/${receipt.reference}`}>{t.open}</Link>
        </p>
      )}
      <SignalForm key={formKey} settlements={settlements} initialSettlement={session.site} extra={extra} attachments={ATTACHMENT_LIMITS} onSubmit={submit} />
    </section>
  );
}
