import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CASEWORK_ERRORS,
  CASEWORK_SUBJECTS,
  type CaseCommandPayload,
  type CaseCommandReply,
  type CaseUpdateCommand,
} from '@kapocs/casework/contracts';
import { type CaseCommandResult, type CaseworkDeps, handleCaseCommand, openCase } from '@kapocs/casework/application';
import { CaseworkError } from '@kapocs/casework/domain';
import type { RpcReply, RpcRequest } from '@kapocs/shared/kernel';
import { commandMetaFor, requireCaseAtSite, requireCaseScope, requireClientsInReach } from './case-scope.js';
import { CASEWORK_DEPS } from './casework-deps.token.js';

const reply = (r: CaseCommandResult): RpcReply<CaseCommandReply> => ({ ok: true, value: { caseId: r.caseId, version: r.version, checkpoint: r.checkpoint } });

/** Every command on a case (gondozásba vétel to lezárás): scope re-checked, then load → decide → append. */
@Controller()
export class CaseCommandsController {
  constructor(@Inject(CASEWORK_DEPS) private readonly deps: CaseworkDeps) {}

  @MessagePattern(CASEWORK_SUBJECTS.command)
  async handle(@Payload() request: RpcRequest<CaseCommandPayload>): Promise<RpcReply<CaseCommandReply>> {
    const { settlement, expectedVersion, command } = request.payload;
    requireCaseScope(request.actor, request.payload);
    const meta = commandMetaFor(request);
    if (command.type === 'OpenCase') {
      await requireClientsInReach(this.deps.store, request.actor, [command.data.clientId, ...(command.data.memberIds ?? [])]);
      return reply(await openCase(this.deps, { type: 'OpenCase', data: { ...command.data, site: settlement }, meta }));
    }
    const caseId = (command.data as { caseId?: unknown }).caseId;
    if (typeof caseId !== 'string') throw new CaseworkError(CASEWORK_ERRORS.MISSING_FIELD, { field: 'caseId' }, 'caseId is required');
    await requireCaseAtSite(this.deps.store, caseId, settlement);
    const full = { type: command.type, data: command.data, meta, ...(expectedVersion !== undefined ? { expectedVersion } : {}) } as CaseUpdateCommand;
    return reply(await handleCaseCommand(this.deps, full));
  }
}
