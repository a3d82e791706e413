import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type CommandReply, uuid } from '../api';
import { OpenCaseLink } from '../features/casework/open-case-link';
import { useI18n } from '../i18n';
import { today, useReference } from '../reference';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { ErrorMessage, Field, Status } from '../ui';
import { useIntakeForms } from '../features/intake/dictionary';
import { History } from '../features/intake/history';
import { ContactTable, type ContactLogRow } from './naplo';
import type { RegisterRow } from './search';
import type { Correction } from '../features/intake/history';

/** The client file (ClientFile of @kapocs/projector/contracts, the fields the UI shows). */
export interface ClientFile {
  readonly client: RegisterRow;
  readonly corrections?: readonly Correction[];
  readonly household: readonly { clientId: string; name: string | null; birthYear: number; householdRelation: string | null; site: string }[];
  readonly declarations: readonly { id: string; kind: string; declaredOn: string; recordedBy: string }[];
  readonly contacts: readonly ContactLogRow[];
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function ClientFilePage({ site, clientId }: { site: string; clientId: string }) {
  const { t, lang } = useI18n();
  const f = useIntakeForms();
  const ref = useReference();
  const { session, checkpoint, setCheckpoint } = useSession();
  const [file, setFile] = useState<ClientFile | null>(null);
  const [episode, setEpisode] = useState<'start' | 'end' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [declaring, setDeclaring] = useState(false);
  const [status, setStatus] = useState('');
  const params = new URL(window.location.href).searchParams;
  const after = params.get('after') ?? checkpoint;
  // `duplicates=<id>:<site>,…`: look-alikes acknowledged at registration, offered for merging.
  const [duplicates] = useState(() =>
    (params.get('duplicates') ?? '')
      .split(',')
      .map((d) => d.split(':'))
      .filter((d): d is [string, string] => d.length === 2 && Boolean(d[0]) && Boolean(d[1])),
  );
  const base = `/districts/${session.claims.district}/settlements/${site}/clients/${clientId}`;

  const load = useCallback(
    (at: string | undefined) =>
      api<ClientFile>(base, { query: { after: at } }).then(
        (f) => {
          setFile(f);
          setError(null);
        },
        setError,
      ),
    [base],
  );
  // Loads once per client: later reloads pass the checkpoint of their own command.
  const [initialAfter] = useState(after);
  useEffect(() => {
    void load(initialAfter);
  }, [load, initialAfter]);

  // `k` logs a contact for this client: with the defaults, a returning client's contact is k, the code, Enter.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      navigate(`/clients/${site}/${clientId}/contact`);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [site, clientId]);

  const c = file?.client;
  const rows: [string, string | number | null | undefined][] = c
    ? [
        [t.name, c.name],
        [t.birthName, c.birthName],
        [t.mothersName, c.mothersName],
        [t.birthPlace, c.birthPlace],
        [t.birthDate, c.birthDate],
        [t.taj, c.taj],
        [t.sex, ref.label('sex', c.sex, lang)],
        [t.citizenship, ref.label('citizenship', c.citizenship, lang)],
        [t.residenceSettlement, ref.settlementName(c.residenceSettlement)],
        [t.residenceAddress, c.residenceAddress],
        [t.stayAddress, c.stayAddress],
        [t.phone, c.phone],
        [t.email, c.email],
        [t.economicActivity, ref.label('economicActivity', c.economicActivity, lang)],
        [t.education, ref.label('education', c.education, lang)],
        [t.familyStatus, ref.label('familyStatus', c.familyStatus, lang)],
        [t.site, ref.settlementName(c.site)],
        [t.registerNumber, `${c.registerYear}/${c.registerNumber}`],
        [t.individualId, c.individualId],
      ]
    : [];

  return (
    <section aria-labelledby="file-title">
      <h1 id="file-title">
        {t.fileTitle}
        {c?.name ? `: ${c.name}` : ''}
      </h1>
      <ErrorMessage error={error} />
      {!file && !error && <Status>{t.loading}</Status>}
      {c && (
        <>
          {!c.consent && <p className="flag">{t.consentMissing}</p>}
          <div className="toolbar">
            <Link className="button" to={`/clients/${site}/${clientId}/contact`}>
              {t.logContactKey}
            </Link>
            <OpenCaseLink site={site} clientId={clientId} />
            <button type="button" className="secondary" aria-expanded={declaring} onClick={() => setDeclaring(!declaring)}>
              {t.recordDeclaration}
            </button>
            <Link className="button secondary" to={`/clients/${site}/${clientId}/correct`}>
              {f.correctClient}
            </Link>
            <Link className="button secondary" to={`/clients/${site}/${clientId}/merge`}>
              {f.merge}
            </Link>
            {session.claims.role === 'head' && (
              <Link className="button secondary danger-link" to={`/clients/${site}/${clientId}/erase`}>
                {f.erase}
              </Link>
            )}
          </div>
          {duplicates.length > 0 && (
            <div className="warning" role="region" aria-labelledby="dups-title">
              <h2 id="dups-title">{f.possibleDuplicates}</h2>
              <p>{f.possibleDuplicatesIntro}</p>
              <ul>
                {duplicates.map(([id, s]) => (
                  <li key={id}>
                    <Link to={`/clients/${s}/${id}`}>{id}</Link>{' '}
                    <Link to={`/clients/${site}/${clientId}/merge?other=${encodeURIComponent(id)}&otherSite=${encodeURIComponent(s)}`}>
                      {f.mergeWith}
                      <span className="sr-only"> ({id})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {declaring && (
            <DeclarationForm
              path={`${base}/declarations`}
              onDone={(reply) => {
                setDeclaring(false);
                setCheckpoint(reply.checkpoint);
                setStatus(t.declarationSaved);
                void load(reply.checkpoint);
              }}
            />
          )}
          <Status>{status}</Status>
          <h2>{t.identity}</h2>
          <dl className="identity">
            {rows
              .filter(([, v]) => v !== null && v !== undefined && v !== '')
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <h2 id="service-title">{f.service}</h2>
          <dl className="service-dates">
            <div>
              <dt>{f.serviceStartedOn}</dt>
              <dd data-field="serviceStartedOn">{c.serviceStartedOn ?? f.notStarted}</dd>
            </div>
            <div>
              <dt>{f.serviceEndedOn}</dt>
              <dd data-field="serviceEndedOn">{c.serviceEndedOn ?? f.notStarted}</dd>
            </div>
          </dl>
          <div className="toolbar">
            {(!c.serviceStartedOn || c.serviceEndedOn) && (
              <button type="button" className="secondary" aria-expanded={episode === 'start'} onClick={() => setEpisode(episode === 'start' ? null : 'start')}>
                {f.recordStart}
              </button>
            )}
            {c.serviceStartedOn && !c.serviceEndedOn && (
              <button type="button" className="secondary" aria-expanded={episode === 'end'} onClick={() => setEpisode(episode === 'end' ? null : 'end')}>
                {f.recordEnd}
              </button>
            )}
          </div>
          {episode && (
            <ServiceEpisodeForm
              key={episode}
              kind={episode}
              path={base}
              version={c.version}
              onDone={(reply) => {
                setEpisode(null);
                setCheckpoint(reply.checkpoint);
                setStatus(episode === 'start' ? f.serviceStarted : f.serviceEnded);
                void load(reply.checkpoint);
              }}
            />
          )}
          {(c.mergedClientIds?.length ?? 0) > 0 && (
            <>
              <h2>{f.mergedEntries}</h2>
              <ul>
                {c.mergedClientIds?.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </>
          )}
          {(file.corrections?.length ?? 0) > 0 && (
            <>
              <h2>{f.clientHistory}</h2>
              <History corrections={file.corrections ?? []} />
            </>
          )}
          <h2>{t.household}</h2>
          {file.household.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul>
              {file.household.map((h) => (
                <li key={h.clientId}>
                  <Link to={`/clients/${h.site}/${h.clientId}`}>{h.name ?? h.clientId}</Link> ({h.birthYear}){' '}
                  {ref.label('householdRelation', h.householdRelation, lang)}
                </li>
              ))}
            </ul>
          )}
          <h2>{t.declarations}</h2>
          {file.declarations.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul>
              {file.declarations.map((d) => (
                <li key={d.id}>
                  {d.kind === 'data-processing-consent' ? t.kindConsent : t.kindOther}: {d.declaredOn} ({d.recordedBy})
                </li>
              ))}
            </ul>
          )}
          <h2>{t.contacts}</h2>
          {file.contacts.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ContactTable rows={file.contacts} caption={t.contacts} withHistory actions={{ back: { site, clientId } }} />
          )}
        </>
      )}
    </section>
  );
}

function DeclarationForm({ path, onDone }: { path: string; onDone: (r: CommandReply) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'data_processing' | 'other_basic_services'>('data_processing');
  const [declaredOn, setDeclaredOn] = useState(today());
  const [form, setForm] = useState('written');
  const [purposes, setPurposes] = useState({ register: true, disclosureOnRequest: false, specialData: false });
  const [usesOther, setUsesOther] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body =
      kind === 'data_processing' ? { kind, declaredOn, form, purposes } : { kind, declaredOn, usesOtherServices: usesOther, providers: [] };
    try {
      onDone(await api<CommandReply>(path, { method: 'POST', body, idempotencyKey: uuid() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const check = (k: keyof typeof purposes, label: string) => (
    <label className="check">
      <input type="checkbox" checked={purposes[k]} onChange={(e) => setPurposes({ ...purposes, [k]: e.target.checked })} /> {label}
    </label>
  );
  return (
    <form className="grid panel" onSubmit={(e) => void submit(e)} aria-label={t.recordDeclaration}>
      <Field label={t.declarationKind} required>
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} autoFocus>
            <option value="data_processing">{t.kindConsent}</option>
            <option value="other_basic_services">{t.kindOther}</option>
          </select>
        )}
      </Field>
      <Field label={t.declaredOn} required>
        {(id) => <input id={id} type="date" required value={declaredOn} onChange={(e) => setDeclaredOn(e.target.value)} />}
      </Field>
      {kind === 'data_processing' ? (
        <>
          <Field label={t.form}>
            {(id) => (
              <select id={id} value={form} onChange={(e) => setForm(e.target.value)}>
                <option value="written">{t.formWritten}</option>
                <option value="oral">{t.formOral}</option>
                <option value="implied">{t.formImplied}</option>
              </select>
            )}
          </Field>
          <fieldset>
            <legend>{t.kindConsent}</legend>
            {check('register', t.purposeRegister)}
            {check('disclosureOnRequest', t.purposeDisclosure)}
            {check('specialData', t.purposeSpecial)}
          </fieldset>
        </>
      ) : (
        <label className="check">
          <input type="checkbox" checked={usesOther} onChange={(e) => setUsesOther(e.target.checked)} /> {t.usesOtherServices}
        </label>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

/** Az ellátás igénybevételének kezdete / megszűnése (Szt. 20. § (2) b)), sent with the client's version as If-Match. */
function ServiceEpisodeForm({ kind, path, version, onDone }: { kind: 'start' | 'end'; path: string; version?: string; onDone: (r: CommandReply) => void }) {
  const { t } = useI18n();
  const f = useIntakeForms();
  const [date, setDate] = useState(today());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = kind === 'start' ? f.serviceStartedOn : f.serviceEndedOn;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = kind === 'start' ? { startedOn: date } : { endedOn: date };
    try {
      onDone(await api<CommandReply>(`${path}/service-${kind}`, { method: 'POST', body, ifMatch: version ?? '0', idempotencyKey: uuid() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="grid panel" onSubmit={(e) => void submit(e)} aria-label={kind === 'start' ? f.recordStart : f.recordEnd}>
      <Field label={label} required>
        {(id) => <input id={id} name={kind === 'start' ? 'startedOn' : 'endedOn'} type="date" required autoFocus value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
