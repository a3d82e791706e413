import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type AttachmentInfo,
  type AttachmentsQuery,
  type PublicSubmitPayload,
  type PublicSubmitReply,
  SIGNAL_SUBMITTED,
  type SignalPersonal,
  type SignalSubmittedData,
  SIGNALS_ERRORS,
  SIGNALS_SUBJECTS,
  signalStreamId,
} from '@kapocs/signals/contracts';
import { type SignalsDeps, submitSignal } from '@kapocs/signals/application';
import { SignalsError } from '@kapocs/signals/domain';
import { isRedacted } from '@kapocs/platform/event-store';
import type { Gazetteer } from '@kapocs/shared/gazetteer';
import type { DistrictCode, RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import { SIGNALS_CONFIG, SIGNALS_DEPS, SIGNALS_GAZETTEER, type SignalsConfig } from './signals-deps.token.js';
import { requireMemberScope, requireStaffScope } from './signals-scope.js';

/** Who the public form's events name as actor: no person, no organisation (the token-less gateway route). */
export const PUBLIC_FORM_ACTOR = 'public-form';

/**
 * The anonymous citizens' form and the attachments of a signal. The public subject only creates: whatever it is
 * asked, it answers the reference number (and the on-call number in immediate danger), never a signal's content.
 */
@Controller()
export class PublicAndAttachmentsController {
  constructor(
    @Inject(SIGNALS_DEPS) private readonly deps: SignalsDeps,
    @Inject(SIGNALS_CONFIG) private readonly config: SignalsConfig,
    @Inject(SIGNALS_GAZETTEER) private readonly gazetteer: Gazetteer,
  ) {}

  @MessagePattern(SIGNALS_SUBJECTS.submitPublic)
  async submitPublic(@Payload() request: RpcRequest<PublicSubmitPayload>): Promise<RpcReply<PublicSubmitReply>> {
    const { form, signaller } = request.payload;
    const district = this.gazetteer.settlement(String(form?.settlement ?? ''))?.districtCode as DistrictCode | undefined;
    if (!form || district === undefined) {
      throw new SignalsError(SIGNALS_ERRORS.UNKNOWN_SETTLEMENT, { field: 'settlement', settlement: form?.settlement ?? null }, 'no such settlement');
    }
    // Field by field: nothing but the form's own fields (no attachments, no organisation) reaches the decider.
    const { signalId, settlement, subjectKind, categories, observedSince, urgency, personal } = form;
    const result = await submitSignal(this.deps, {
      type: 'SubmitSignal',
      data: {
        signalId,
        settlement,
        subjectKind,
        categories,
        ...(observedSince ? { observedSince } : {}),
        urgency,
        personal: { subject: personal?.subject ?? {}, observed: personal?.observed ?? '', ...(signaller ? { signaller } : {}) },
        source: 'public',
        channel: 'WEB_FORM',
      },
      meta: {
        now: new Date().toISOString(),
        actor: { userId: PUBLIC_FORM_ACTOR, role: 'signal_member' },
        district,
        settlement: form.settlement,
        correlationId: request.correlationId,
      },
    });
    return { ok: true, value: { reference: result.reference, ...(result.critical ? { onCallNumber: this.config.onCallNumber } : {}) } };
  }

  /**
   * Staff in scope (settlement named) or the submitting member (organisation named). Anything else — another
   * organisation's signal, an unknown id, a shredded signal — is "not found", so nothing can be probed.
   */
  @MessagePattern(SIGNALS_SUBJECTS.attachments)
  async attachments(@Payload() r: RpcRequest<AttachmentsQuery>): Promise<RpcReply<AttachmentInfo[]>> {
    const { district, settlement, signalId, attachmentId } = r.payload;
    const member = r.actor.role === 'signal_member';
    const organisation = member ? requireMemberScope(r.actor, r.payload) : undefined;
    if (!member) requireStaffScope(r.actor, { district, ...(settlement ? { settlement } : {}) });
    const notFound = new SignalsError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, { signalId }, 'signal not found');
    let found: AttachmentInfo[] | undefined;
    for await (const first of this.deps.store.readStream(signalStreamId(String(signalId)), { maxCount: 1 })) {
      if (first.type !== SIGNAL_SUBMITTED) break;
      const d = first.data as SignalSubmittedData;
      const mine = d.district === district && (member ? d.organisationId === organisation && d.source === 'portal' : d.settlement === settlement);
      if (!mine) break;
      const own = first.personal[signalId];
      const personal = own === undefined || isRedacted(own) ? undefined : (own as unknown as SignalPersonal);
      const secrets = new Map((personal?.attachments ?? []).map((a) => [a.attachmentId, a]));
      found = (d.attachments ?? []).flatMap((f) => {
        const secret = secrets.get(f.attachmentId);
        if (!secret) return [];
        const info = { attachmentId: f.attachmentId, fileName: secret.fileName, mediaType: f.mediaType, size: f.size, sha256: secret.sha256 };
        return [attachmentId === f.attachmentId ? { ...info, key: secret.key } : info];
      });
    }
    if (found === undefined) throw notFound;
    if (attachmentId === undefined) return { ok: true, value: found };
    const one = found.filter((a) => a.attachmentId === attachmentId);
    if (one.length === 0) throw new SignalsError(SIGNALS_ERRORS.ATTACHMENT_NOT_FOUND, { attachmentId }, 'attachment not found');
    return { ok: true, value: one };
  }
}
