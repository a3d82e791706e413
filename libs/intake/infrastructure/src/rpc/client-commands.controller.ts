import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type ClientCommandReply,
  clientStreamId,
  type CommandTarget,
  type CorrectClientPayload,
  type EndServicePayload,
  type EraseClientPayload,
  INTAKE_ERRORS,
  INTAKE_SUBJECTS,
  type MergeClientsPayload,
  type RecordDeclarationPayload,
  type RegisterClientPayload,
  type RegisterClientReply,
  type StartServicePayload,
} from '@kapocs/intake/contracts';
import {
  type CommandResult,
  eraseClient,
  handleClientCommand,
  type IntakeDeps,
  mergeClients,
  registerClient,
  type SingleClientCommand,
} from '@kapocs/intake/application';
import { IntakeError } from '@kapocs/intake/domain';
import type { CommandMeta, Role, RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import { commandMetaFor, requireClientInReach, requireCommandScope, requireStreamAtSite } from './command-scope.js';
import { INTAKE_DEPS } from './intake-deps.token.js';

type ClientTarget = CommandTarget & { readonly clientId: string };

const notFound = (clientId: string) => new IntakeError(INTAKE_ERRORS.CLIENT_NOT_FOUND, { clientId }, `client ${clientId} not found`);
const reply = (clientId: string, r: CommandResult): RpcReply<ClientCommandReply> => ({
  ok: true,
  value: { clientId, version: r.version, checkpoint: r.checkpoint },
});
const versionOf = (p: CommandTarget) => (p.expectedVersion !== undefined ? { expectedVersion: p.expectedVersion } : {});

/** Register commands (Szt. 20. §): registration, corrections, declarations, service episodes, merge and erasure. */
@Controller()
export class ClientCommandsController {
  constructor(@Inject(INTAKE_DEPS) private readonly deps: IntakeDeps) {}

  @MessagePattern(INTAKE_SUBJECTS.registerClient)
  async register(@Payload() request: RpcRequest<RegisterClientPayload>): Promise<RpcReply<RegisterClientReply>> {
    const { district: _district, settlement, expectedVersion: _version, ...data } = request.payload;
    requireCommandScope(request.actor, request.payload);
    const meta = commandMetaFor(request);
    const r = await registerClient(this.deps, { type: 'RegisterClient', data: { ...data, site: settlement }, meta });
    const { clientId, registerNumber, individualId, version, checkpoint } = r;
    return { ok: true, value: { clientId, registerNumber, individualId, version, checkpoint } };
  }

  @MessagePattern(INTAKE_SUBJECTS.correctClient)
  correct(@Payload() request: RpcRequest<CorrectClientPayload>): Promise<RpcReply<ClientCommandReply>> {
    const { clientId, reason, changes } = request.payload;
    return this.onClient(request, (meta) => ({ type: 'CorrectClientDetails', data: { clientId, reason, changes }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.recordDeclaration)
  declare(@Payload() request: RpcRequest<RecordDeclarationPayload>): Promise<RpcReply<ClientCommandReply>> {
    const { clientId, declaredOn, declaration } = request.payload;
    return this.onClient(request, (meta) => ({ type: 'RecordDeclaration', data: { clientId, declaredOn, declaration }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.startService)
  start(@Payload() request: RpcRequest<StartServicePayload>): Promise<RpcReply<ClientCommandReply>> {
    const { clientId, startedOn } = request.payload;
    return this.onClient(request, (meta) => ({ type: 'StartService', data: { clientId, startedOn }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.endService)
  end(@Payload() request: RpcRequest<EndServicePayload>): Promise<RpcReply<ClientCommandReply>> {
    const { clientId, endedOn } = request.payload;
    return this.onClient(request, (meta) => ({ type: 'EndService', data: { clientId, endedOn }, meta }));
  }

  @MessagePattern(INTAKE_SUBJECTS.mergeClients)
  async merge(@Payload() request: RpcRequest<MergeClientsPayload>): Promise<RpcReply<ClientCommandReply>> {
    const { survivorId, mergedClientId, reason } = request.payload;
    requireCommandScope(request.actor, request.payload);
    await requireStreamAtSite(this.deps, clientStreamId(survivorId), request.payload.settlement, notFound(survivorId));
    await requireClientInReach(this.deps, request.actor, clientStreamId(mergedClientId), mergedClientId);
    const meta = commandMetaFor(request);
    const r = await mergeClients(this.deps, { type: 'MergeClients', data: { survivorId, mergedClientId, reason }, meta, ...versionOf(request.payload) });
    return reply(survivorId, r);
  }

  @MessagePattern(INTAKE_SUBJECTS.eraseClient)
  async erase(@Payload() request: RpcRequest<EraseClientPayload>): Promise<RpcReply<ClientCommandReply>> {
    const { clientId } = request.payload;
    const heads: readonly Role[] = ['head'];
    requireCommandScope(request.actor, request.payload, heads);
    await requireStreamAtSite(this.deps, clientStreamId(clientId), request.payload.settlement, notFound(clientId));
    return reply(clientId, await eraseClient(this.deps, { type: 'EraseClient', data: { clientId }, meta: commandMetaFor(request) }));
  }

  private async onClient(
    request: RpcRequest<ClientTarget>,
    build: (meta: CommandMeta) => SingleClientCommand,
  ): Promise<RpcReply<ClientCommandReply>> {
    const { clientId, settlement } = request.payload;
    requireCommandScope(request.actor, request.payload);
    await requireStreamAtSite(this.deps, clientStreamId(clientId), settlement, notFound(clientId));
    const command = { ...build(commandMetaFor(request)), ...versionOf(request.payload) };
    return reply(clientId, await handleClientCommand(this.deps, command));
  }
}
