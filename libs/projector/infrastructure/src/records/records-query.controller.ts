import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Pool } from 'pg';
import {
  PROJECTOR_SUBJECTS,
  type AfterCheckpoint,
  type ClientFile,
  type ClientFileQuery,
  type ClientSearchQuery,
  type ClientSearchResult,
  type ContactLogExportPage,
  type ContactLogExportQuery,
  type ContactLogPage,
  type ContactLogQuery,
  type IdentityCandidate,
  type IdentityCandidatesQuery,
  type RegisterRowsPage,
  type RegisterRowsQuery,
} from '@kapocs/projector/contracts';
import { scopeFilterFor } from '@kapocs/platform/auth';
import { isCheckpoint } from '@kapocs/platform/event-store';
import { DomainError, PG_POOL, PLATFORM_ERRORS, type RpcReply, type RpcRequest } from '@kapocs/shared/kernel';
import { ProjectionRunners } from '../projection-runners.js';
import { RecordsQueries } from './records.queries.js';

/** Read-your-writes waits at most this long for the projector to reach a command's checkpoint. */
const AFTER_TIMEOUT_MS = 10_000;

/**
 * The records queries over NATS (client register, client file, forgalmi napló). The gateway already checked the
 * route's scope; the scope is applied again to every statement here (defence in depth, DESIGN.md §5).
 */
@Controller()
export class RecordsQueryController {
  private readonly queries: RecordsQueries;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    private readonly runners: ProjectionRunners,
  ) {
    this.queries = new RecordsQueries(pool);
  }

  @MessagePattern(PROJECTOR_SUBJECTS.clientSearch)
  async search(@Payload() r: RpcRequest<ClientSearchQuery>): Promise<RpcReply<ClientSearchResult>> {
    await this.caughtUp(r.payload);
    return { ok: true, value: { clients: await this.queries.search(r.payload, scopeFilterFor(r.actor, 'personal')) } };
  }

  @MessagePattern(PROJECTOR_SUBJECTS.clientFile)
  async clientFile(@Payload() r: RpcRequest<ClientFileQuery>): Promise<RpcReply<ClientFile>> {
    await this.caughtUp(r.payload);
    return { ok: true, value: await this.queries.clientFile(r.payload, scopeFilterFor(r.actor, 'personal')) };
  }

  @MessagePattern(PROJECTOR_SUBJECTS.contactLog)
  async contactLog(@Payload() r: RpcRequest<ContactLogQuery>): Promise<RpcReply<ContactLogPage>> {
    await this.caughtUp(r.payload);
    return { ok: true, value: await this.queries.contactLog(r.payload, scopeFilterFor(r.actor, 'personal')) };
  }

  @MessagePattern(PROJECTOR_SUBJECTS.contactLogExport)
  async contactLogExport(@Payload() r: RpcRequest<ContactLogExportQuery>): Promise<RpcReply<ContactLogExportPage>> {
    await this.caughtUp(r.payload);
    return { ok: true, value: await this.queries.contactLogExport(r.payload, scopeFilterFor(r.actor, 'personal')) };
  }

  @MessagePattern(PROJECTOR_SUBJECTS.registerRows)
  async registerRows(@Payload() r: RpcRequest<RegisterRowsQuery>): Promise<RpcReply<RegisterRowsPage>> {
    await this.caughtUp(r.payload);
    return { ok: true, value: await this.queries.registerRows(r.payload, scopeFilterFor(r.actor, 'personal')) };
  }

  /** For intake's duplicate check (a service call: the actor is the registering worker, scoped to its district). */
  @MessagePattern(PROJECTOR_SUBJECTS.identityCandidates)
  async identityCandidates(@Payload() r: RpcRequest<IdentityCandidatesQuery>): Promise<RpcReply<IdentityCandidate[]>> {
    const scope = scopeFilterFor(r.actor, 'personal');
    if (scope.district !== null && scope.district !== r.payload.district) {
      throw new DomainError(PLATFORM_ERRORS.OUT_OF_SCOPE, { reason: 'district' });
    }
    return { ok: true, value: await this.queries.identityCandidates(r.payload) };
  }

  private async caughtUp(q: AfterCheckpoint): Promise<void> {
    if (q.after === undefined || q.after === '') return;
    if (!isCheckpoint(q.after)) throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'after' });
    try {
      await this.runners.waitFor(q.after, AFTER_TIMEOUT_MS);
    } catch {
      throw new DomainError(PLATFORM_ERRORS.TIMEOUT, { service: 'projector' });
    }
  }
}
