import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { type DistrictInfo, loadJson } from '../../reference';
import { navigate } from '../../router';
import { Field } from '../../ui';
import { useSignalsT } from './dictionary';
import { solveProofOfWork } from './pow';
import { OnCall, SignalForm, type SignalDraft } from './signal-form';

interface DistrictEntry {
  readonly code: string;
  readonly name: string;
  readonly seat: string;
}

interface Challenge {
  readonly challenge: string;
  readonly difficulty: number;
  readonly expiresAt: string;
}

interface PublicReceipt {
  readonly reference: string;
  readonly onCallNumber?: string;
}

/**
 * Névtelen jelzés: the public form for citizens (no login). The form only creates: the reply is the reference number,
 * nothing can be read back. Abuse protection is a proof of work solved here in the browser, and a rate limit.
 */
export function PublicSignalPage({ district: initialDistrict }: { district?: string }) {
  const t = useSignalsT();
  const [districts, setDistricts] = useState<readonly DistrictEntry[]>([]);
  const [district, setDistrict] = useState(initialDistrict ?? '');
  const [info, setInfo] = useState<DistrictInfo | null>(null);
  const [progress, setProgress] = useState<string | undefined>();
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  // A retry of the same draft reuses its solved proof, so a lost answer does not cost another round of work.
  const proof = useRef<{ key: string; challenge: string; nonce: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadJson<DistrictEntry[]>('/reference/districts.json').then(
      (list) => setDistricts([...list].sort((a, b) => a.name.localeCompare(b.name, 'hu'))),
      () => setDistricts([]),
    );
  }, []);
  useEffect(() => {
    if (!district) return setInfo(null);
    void loadJson<DistrictInfo>(`/reference/districts/${district}.json`).then(setInfo, () => setInfo(null));
  }, [district]);
  useEffect(() => {
    if (receipt) heading.current?.focus();
  }, [receipt]);

  const submit = async ({ body, idempotencyKey }: SignalDraft) => {
    if (!crypto.subtle) throw new Error(t.publicUnavailable);
    if (proof.current?.key !== idempotencyKey) {
      setProgress(t.powWorking(0));
      const c = await api<Challenge>('/public/signals/challenge');
      const nonce = await solveProofOfWork(c.challenge, c.difficulty, (n) => setProgress(t.powWorking(n)));
      proof.current = { key: idempotencyKey, challenge: c.challenge, nonce };
    }
    setProgress(t.powDone);
    try {
      setReceipt(await api<PublicReceipt>('/public/signals', { method: 'POST', body: { ...body, challenge: proof.current.challenge, nonce: proof.current.nonce } }));
    } catch (e) {
      // An expired or refused proof is solved again on the next attempt.
      proof.current = null;
      throw e;
    }
  };

  if (receipt)
    return (
      <section aria-labelledby="sig-public-receipt" className="sig-narrow">
        <h1 id="sig-public-receipt" tabIndex={-1} ref={heading}>
          {t.receiptTitle}
        </h1>
        {receipt.onCallNumber && <OnCall text={t.receiptCritical} number={receipt.onCallNumber} />}
        <div className="sig-receipt panel">
          <p>{t.publicReceipt}</p>
          <p className="sig-reference" data-testid="reference">
            {receipt.reference}
          </p>
          <p>{t.publicNoFeedback}</p>
        </div>
      </section>
    );

  const settlements = (info?.settlements ?? []).map((s) => ({ code: s.code, name: `${s.name} (${s.code})` })).sort((a, b) => a.name.localeCompare(b.name, 'hu'));
  return (
    <section aria-labelledby="sig-public-title" className="sig-narrow">
      <h1 id="sig-public-title">{t.publicTitle}</h1>
      <OnCall text={t.onCallBanner} alert={false} />
      <p>{t.publicIntro}</p>
      <div className="sig-public-district">
        <Field label={t.publicDistrict} required>
          {(id) => (
            <select
              id={id}
              name="district"
              required
              value={district}
              onChange={(e) => {
                setDistrict(e.target.value);
                navigate(`/jelzes?jaras=${e.target.value}`, true);
              }}
            >
              <option value="">{t.choose}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.seat})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {info && settlements.length > 0 && (
        <SignalForm key={info.code} settlements={settlements} initialSettlement={settlements.find((s) => s.name.startsWith(info.seat))?.code ?? settlements[0]?.code ?? ''} signallerLegend={t.publicContactOptional} progress={progress} onSubmit={submit} />
      )}
    </section>
  );
}
