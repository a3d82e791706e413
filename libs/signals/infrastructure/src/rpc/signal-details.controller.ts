import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type SignalDetails,
  type SignalDetailsMeasure,
  type SignalDetailsQuery,
  SIGNAL_MEASURE_RECORDED,
  SIGNAL_SUBMITTED,
  type SignalPersonal,
  type SignalSubmittedData,
  SIGNALS_ERRORS,
  SIGNALS_SUBJECTS,
  signalStreamId,
} from '@kapocs/signals/contracts';
import { attachmentSummaries, type SignalsDeps } from '@kapocs/signals/application';
import { SignalsError } from '@kapocs/signals/domain';
import { isRedacted, type PersonalData, type Redacted } from '@kapocs/platform/event-store';
import type { RpcReply, RpcRequest, SettlementCode } from '@kapocs/shared/kernel';
import { SIGNALS_DEPS } from './signals-deps.token.js';
import { requireStaffScope } from './signals-scope.js';

/** The signal's own personal data of an event, or undefined once shredded (or never written). */
function personalOf<T>(personal: Readonly<Record<string, PersonalData | Redacted>>, signalId: string): T | undefined {
  const own = personal[signalId];
  return own === undefined || isRedacted(own) ? undefined : (own as unknown as T);
}

/**
 * A signal's content for staff in scope (the settlement's workers, the district's roles): the stream read with its
 * personal fields decrypted. A signal of another district or settlement, or an unknown id, is "not found"; members
 * are refused (their view is the status-only feedback). The gateway records the read in the audit log.
 */
@Controller()
export class SignalDetailsController {
  constructor(@Inject(SIGNALS_DEPS) private readonly deps: SignalsDeps) {}

  @MessagePattern(SIGNALS_SUBJECTS.detail)
  async detail(@Payload() r: RpcRequest<SignalDetailsQuery>): Promise<RpcReply<SignalDetails>> {
    const { district, settlement, signalId } = r.payload;
    requireStaffScope(r.actor, { district, settlement });
    let details: SignalDetails | undefined;
    const measures: SignalDetailsMeasure[] = [];
    let version = -1n;
    for await (const e of this.deps.store.readStream(signalStreamId(String(signalId)))) {
      version = e.streamVersion;
      if (e.type === SIGNAL_SUBMITTED) {
        const d = e.data as SignalSubmittedData;
        if (d.district !== district || d.settlement !== settlement) break;
        const personal = personalOf<SignalPersonal>(e.personal, signalId);
        details = {
          signalId: d.signalId,
          reference: d.reference,
          settlement: d.settlement as SettlementCode,
          source: d.source,
          channel: d.channel,
          ...(d.organisationId ? { organisationId: d.organisationId } : {}),
          ...(d.memberCategory ? { memberCategory: d.memberCategory } : {}),
          subjectKind: d.subjectKind,
          categories: d.categories,
          urgency: d.urgency,
          critical: d.critical,
          submittedAt: d.submittedAt,
          ...(d.observedSince ? { observedSince: d.observedSince } : {}),
          subject: personal?.subject ?? {},
          ...(personal ? { observed: personal.observed } : {}),
          ...(personal?.signaller ? { signaller: personal.signaller } : {}),
          attachments: attachmentSummaries(d.attachments, personal),
          measures,
          erased: personal === undefined,
          version: '0',
        };
      } else if (details && e.type === SIGNAL_MEASURE_RECORDED) {
        const m = e.data as { measureId: string; kind: string; date: string };
        const note = personalOf<{ note?: string }>(e.personal, signalId)?.note;
        measures.push({ measureId: m.measureId, kind: m.kind, date: m.date, ...(note ? { note } : {}) });
      }
    }
    if (details === undefined) throw new SignalsError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, { signalId }, 'signal not found');
    return { ok: true, value: { ...details, version: version.toString() } };
  }
}
