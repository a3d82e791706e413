import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  clientStreamId,
  type ContactCommand,
  type ContactCommandReply,
  contactStreamId,
  type CorrectContactPayload,
  INTAKE_ERRORS,
  INTAKE_SUBJECTS,
  type LogContactPayload,
  type LogGroupSessionPayload,
  type VoidContactPayload,
} from '@kapocs/intake/contracts';
import { handleContactCommand, type IntakeDeps } from '@kapocs/intake/application';
import { IntakeError } from '@kapocs/intake/domain';
import type { CommandMeta, RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import { commandMetaFor, requireClientInReach, requireCommandScope, requireStreamAtSite } from './command-scope.js';
import { INTAKE_DEPS } from './intake-deps.token.js';

type Target = LogContactPayload | LogGroupSessionPayload | CorrectContactPayload | VoidContactPayload;

/** Forgalmi napló commands: new entries (individual and group), corrections and voiding, never deletion. */
@Controller()
export class ContactCommandsController {
  constructor(@Inject(INTAKE_DEPS) private readonly deps: IntakeDeps) {}

  @MessagePattern(INTAKE_SUBJECTS.logContact)
  async log(@Payload() request: RpcRequest<LogContactPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { district: _district, settlement, expectedVersion: _version, ...data } = request.payload;
    requireCommandScope(request.actor, request.payload);
    if (data.subject?.kind === 'client') {
      await requireClientInReach(this.deps, request.actor, clientStreamId(data.subject.clientId), data.subject.clientId);
    }
    return this.run(request, (meta) => ({ type: 'LogContact', data: { ...data, site: settlement }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.logGroupSession)
  logGroup(@Payload() request: RpcRequest<LogGroupSessionPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { district: _district, settlement, expectedVersion: _version, ...data } = request.payload;
    requireCommandScope(request.actor, request.payload);
    return this.run(request, (meta) => ({ type: 'LogGroupSession', data: { ...data, site: settlement }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.correctContact)
  async correct(@Payload() request: RpcRequest<CorrectContactPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { contactId, reason, changes } = request.payload;
    await this.requireExisting(request);
    return this.run(request, (meta) => ({ type: 'CorrectContact', data: { contactId, reason, changes }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.voidContact)
  async void(@Payload() request: RpcRequest<VoidContactPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { contactId, reason } = request.payload;
    await this.requireExisting(request);
    return this.run(request, (meta) => ({ type: 'VoidContact', data: { contactId, reason }, meta }));
  }

  private async requireExisting(request: RpcRequest<CorrectContactPayload | VoidContactPayload>): Promise<void> {
    const { contactId, settlement } = request.payload;
    requireCommandScope(request.actor, request.payload);
    const notFound = new IntakeError(INTAKE_ERRORS.CONTACT_NOT_FOUND, { contactId }, `contact ${contactId} not found`);
    await requireStreamAtSite(this.deps, contactStreamId(contactId), settlement, notFound);
  }

  private async run(request: RpcRequest<Target>, build: (meta: CommandMeta) => ContactCommand): Promise<RpcReply<ContactCommandReply>> {
    const { expectedVersion, contactId } = request.payload;
    const command = { ...build(commandMetaFor(request)), ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    const r = await handleContactCommand(this.deps, command);
    return { ok: true, value: { contactId, version: r.version, checkpoint: r.checkpoint } };
  }
}
