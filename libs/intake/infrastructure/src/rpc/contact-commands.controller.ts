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
import { oneCommandDeps } from './command-store.js';
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
    const deps = oneCommandDeps(this.deps);
    if (data.subject?.kind === 'client') {
      await requireClientInReach(deps, request.actor, clientStreamId(data.subject.clientId), data.subject.clientId);
    }
    return this.run(deps, request, (meta) => ({ type: 'LogContact', data: { ...data, site: settlement }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.logGroupSession)
  logGroup(@Payload() request: RpcRequest<LogGroupSessionPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { district: _district, settlement, expectedVersion: _version, ...data } = request.payload;
    requireCommandScope(request.actor, request.payload);
    return this.run(this.deps, request, (meta) => ({ type: 'LogGroupSession', data: { ...data, site: settlement }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.correctContact)
  async correct(@Payload() request: RpcRequest<CorrectContactPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { contactId, reason, changes } = request.payload;
    const deps = await this.requireExisting(request);
    return this.run(deps, request, (meta) => ({ type: 'CorrectContact', data: { contactId, reason, changes }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.voidContact)
  async void(@Payload() request: RpcRequest<VoidContactPayload>): Promise<RpcReply<ContactCommandReply>> {
    const { contactId, reason } = request.payload;
    const deps = await this.requireExisting(request);
    return this.run(deps, request, (meta) => ({ type: 'VoidContact', data: { contactId, reason }, meta }));
  }

  /** The scope check of a command on an existing entry; its stream read is kept for the handler. */
  private async requireExisting(request: RpcRequest<CorrectContactPayload | VoidContactPayload>): Promise<IntakeDeps> {
    const { contactId, settlement } = request.payload;
    requireCommandScope(request.actor, request.payload);
    const deps = oneCommandDeps(this.deps);
    const notFound = new IntakeError(INTAKE_ERRORS.CONTACT_NOT_FOUND, { contactId }, `contact ${contactId} not found`);
    await requireStreamAtSite(deps, contactStreamId(contactId), settlement, notFound);
    return deps;
  }

  private async run(
    deps: IntakeDeps,
    request: RpcRequest<Target>,
    build: (meta: CommandMeta) => ContactCommand,
  ): Promise<RpcReply<ContactCommandReply>> {
    const { expectedVersion, contactId } = request.payload;
    const command = { ...build(commandMetaFor(request)), ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    const r = await handleContactCommand(deps, command);
    return { ok: true, value: { contactId, version: r.version, checkpoint: r.checkpoint } };
  }
}
