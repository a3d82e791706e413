import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CASEWORK_ERRORS,
  CASEWORK_SUBJECTS,
  type CaseCommandPayload,
  type CaseCommandReply,
  type CaseUpdateCommand,
} from '@kapocs/casework/contracts';
import { type CaseCommandResult, type CaseworkDeps, handleCaseCommand, openCase, recordMeasureWithContact, StaffNames } from '@kapocs/casework/application';
import { CaseworkError } from '@kapocs/casework/domain';
import { OneCommandEventStore } from '@kapocs/platform/event-store';
import type { RpcClient } from '@kapocs/platform/runtime';
import { RPC_CLIENT, type RpcReply, type RpcRequest } from '@kapocs/shared/kernel';
import { commandMetaFor, requireCaseAtSite, requireCaseScope, requireClientsInReach } from './case-scope.js';
import { CASEWORK_DEPS } from './casework-deps.token.js';
import { intakeContactLogger } from './intake-contact-logger.js';

const reply = (r: CaseCommandResult): RpcReply<CaseCommandReply> => ({ ok: true, value: { caseId: r.caseId, version: r.version, checkpoint: r.checkpoint } });

/** Every command on a case (gondozásba vétel to lezárás): scope re-checked, then load → decide → append. */
@Controller()
export class CaseCommandsController {
  /** The names of the workers seen acting here (esetfelelős and ellenőrző on the esetnapló). */
  private readonly staff: StaffNames;

  constructor(
    @Inject(CASEWORK_DEPS) private readonly deps: CaseworkDeps,
    @Inject(RPC_CLIENT) private readonly rpc: RpcClient,
  ) {
    this.staff = new StaffNames(deps);
  }

  @MessagePattern(CASEWORK_SUBJECTS.command)
  async handle(@Payload() request: RpcRequest<CaseCommandPayload>): Promise<RpcReply<CaseCommandReply>> {
    const { settlement, expectedVersion, command } = request.payload;
    requireCaseScope(request.actor, request.payload);
    const meta = commandMetaFor(request);
    await this.staff.note(request.actor, meta);
    // The scope check and the handler read the case (or the clients) once between them.
    const deps: CaseworkDeps = { ...this.deps, store: new OneCommandEventStore(this.deps.store) };
    if (command.type === 'OpenCase') {
      await requireClientsInReach(deps.store, request.actor, [command.data.clientId, ...(command.data.memberIds ?? [])]);
      return reply(await openCase(deps, { type: 'OpenCase', data: { ...command.data, site: settlement }, meta }));
    }
    const caseId = (command.data as { caseId?: unknown }).caseId;
    if (typeof caseId !== 'string') throw new CaseworkError(CASEWORK_ERRORS.MISSING_FIELD, { field: 'caseId' }, 'caseId is required');
    await requireCaseAtSite(deps.store, caseId, settlement);
    const full = { type: command.type, data: command.data, meta, ...(expectedVersion !== undefined ? { expectedVersion } : {}) } as CaseUpdateCommand;
    const { logContact } = request.payload;
    if (logContact !== undefined) {
      if (full.type !== 'RecordMeasure') throw new CaseworkError(CASEWORK_ERRORS.INVALID_FIELD, { field: 'logContact', reason: 'measures_only' }, 'only measures log contacts');
      return reply(await recordMeasureWithContact(deps, full, logContact, intakeContactLogger(this.rpc, request)));
    }
    return reply(await handleCaseCommand(deps, full));
  }
}
