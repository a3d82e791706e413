import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type MemberCommand,
  type MemberCommandPayload,
  type MemberCommandReply,
  SIGNALS_ERRORS,
  SIGNALS_SUBJECTS,
  type SubmitSignalPayload,
  type SubmitSignalReply,
  type TriageCommand,
  type TriagePayload,
  type TriageReply,
} from '@kapocs/signals/contracts';
import { handleMemberCommand, handleTriage, type SignalsDeps, submitSignal } from '@kapocs/signals/application';
import { SignalsError } from '@kapocs/signals/domain';
import type { RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import { SIGNALS_CONFIG, SIGNALS_DEPS, type SignalsConfig } from './signals-deps.token.js';
import { commandMetaFor, MEMBER_ADMINS, requireMemberScope, requireSignalAt, requireStaffScope } from './signals-scope.js';

/** Member register, jelzés submission (portal and staff) and triage: scope re-checked, then load → decide → append. */
@Controller()
export class SignalCommandsController {
  constructor(
    @Inject(SIGNALS_DEPS) private readonly deps: SignalsDeps,
    @Inject(SIGNALS_CONFIG) private readonly config: SignalsConfig,
  ) {}

  @MessagePattern(SIGNALS_SUBJECTS.member)
  async member(@Payload() request: RpcRequest<MemberCommandPayload>): Promise<RpcReply<MemberCommandReply>> {
    requireStaffScope(request.actor, request.payload, MEMBER_ADMINS);
    const command = { ...request.payload.command, meta: commandMetaFor(request) } as MemberCommand;
    return { ok: true, value: await handleMemberCommand(this.deps, command) };
  }

  /**
   * From the portal the organisation and channel come from the token, whatever the body says; staff name the channel
   * the signal arrived by. The receipt carries the on-call number when the signaller reports immediate danger.
   */
  @MessagePattern(SIGNALS_SUBJECTS.submit)
  async submit(@Payload() request: RpcRequest<SubmitSignalPayload>): Promise<RpcReply<SubmitSignalReply>> {
    const { form, channel, organisationId, signaller, attachments = [] } = request.payload;
    const portal = request.actor.role === 'signal_member';
    const organisation = portal ? requireMemberScope(request.actor, request.payload) : organisationId;
    if (!portal) requireStaffScope(request.actor, { district: request.payload.district, settlement: form.settlement });
    if (!portal && (channel === undefined || channel === 'PORTAL')) {
      throw new SignalsError(SIGNALS_ERRORS.MISSING_FIELD, { field: 'channel' }, 'staff record the channel');
    }
    const meta = commandMetaFor({ ...request, payload: { district: request.payload.district, settlement: form.settlement } });
    const secrets = attachments.map(({ attachmentId, fileName, sha256, key }) => ({ attachmentId, fileName, sha256, key }));
    const personal = { ...form.personal, ...(signaller ? { signaller } : {}), ...(secrets.length > 0 ? { attachments: secrets } : {}) };
    const result = await submitSignal(this.deps, {
      type: 'SubmitSignal',
      data: {
        ...form,
        personal,
        source: portal ? 'portal' : 'staff',
        channel: portal ? 'PORTAL' : String(channel),
        ...(organisation !== undefined ? { organisationId: organisation } : {}),
        ...(attachments.length > 0 ? { attachments: attachments.map(({ attachmentId, mediaType, size }) => ({ attachmentId, mediaType, size })) } : {}),
      },
      meta,
    });
    return { ok: true, value: { ...result, ...(result.critical ? { onCallNumber: this.config.onCallNumber } : {}) } };
  }

  @MessagePattern(SIGNALS_SUBJECTS.triage)
  async triage(@Payload() request: RpcRequest<TriagePayload>): Promise<RpcReply<TriageReply>> {
    const { district, settlement, expectedVersion, command } = request.payload;
    requireStaffScope(request.actor, request.payload);
    const signalId = (command.data as { signalId?: unknown }).signalId;
    if (typeof signalId !== 'string') throw new SignalsError(SIGNALS_ERRORS.MISSING_FIELD, { field: 'signalId' }, 'signalId is required');
    await requireSignalAt(this.deps.store, signalId, district, settlement);
    const full = { ...command, meta: commandMetaFor(request), ...(expectedVersion !== undefined ? { expectedVersion } : {}) } as TriageCommand;
    return { ok: true, value: await handleTriage(this.deps, full) };
  }
}
