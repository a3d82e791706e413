import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CASEWORK_ERRORS,
  CASEWORK_SUBJECTS,
  type Caseload,
  type CaseloadQuery,
  type CaseLogReply,
  type CaseLogQuery,
  type Overview,
  type OverviewQuery,
} from '@kapocs/casework/contracts';
import { type CaseworkDeps, readCaseLog } from '@kapocs/casework/application';
import { CaseworkError, isIsoDate, localDateOf } from '@kapocs/casework/domain';
import { scopeFilterFor } from '@kapocs/platform/auth';
import { isCheckpoint } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';
import { DomainError, PLATFORM_ERRORS, type Role, type RpcReply, type RpcRequest } from '@kapocs/shared/kernel';
import type { CaseloadQueries } from '../caseload/caseload.queries.js';
import { requireCaseScope } from './case-scope.js';
import { CASELOAD_QUERIES, CASELOAD_RUNNER, CASEWORK_DEPS } from './casework-deps.token.js';

/** Read-your-writes waits at most this long for the caseload projection to reach a command's checkpoint. */
const AFTER_TIMEOUT_MS = 10_000;
/** Who may look at another worker's caseload and at the overview: the district's heads and district-level staff. */
const SUPERVISORS: readonly Role[] = ['head', 'district_worker', 'case_manager'];

const dayOf = (field: string, value: string | undefined, fallback: string): string => {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new CaseworkError(CASEWORK_ERRORS.INVALID_FIELD, { field, reason: 'not_iso_date' }, `${field} is not a date`);
  return value;
};

/** The esetnapló (replayed from the event log), the caseload and the head's overview (from the caseload read model). */
/** Bytes of entries one reply carries at most: half of NATS's default 1 MB `max_payload`, as the projector's pages. */
const PART_BUDGET_BYTES = 512 * 1024;

/** The entries from `from` that fit the budget (at least one), and where the next part starts, if any. */
export function entriesPart<T>(all: readonly T[], from: number, budget = PART_BUDGET_BYTES): { entries: T[]; nextEntry?: number } {
  const entries: T[] = [];
  let bytes = 0;
  for (let i = from; i < all.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify(all[i])) + 1;
    if (entries.length > 0 && bytes > budget) return { entries, nextEntry: i };
    entries.push(all[i] as T);
  }
  return { entries };
}

@Controller()
export class CaseQueriesController {
  constructor(
    @Inject(CASEWORK_DEPS) private readonly deps: CaseworkDeps,
    @Inject(CASELOAD_QUERIES) private readonly queries: CaseloadQueries,
    @Inject(CASELOAD_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @MessagePattern(CASEWORK_SUBJECTS.caseLog)
  async caseLog(@Payload() r: RpcRequest<CaseLogQuery>): Promise<RpcReply<CaseLogReply>> {
    const { caseId, settlement, district } = r.payload;
    requireCaseScope(r.actor, r.payload);
    const today = localDateOf(new Date());
    const asOf = r.payload.asOf === undefined ? undefined : dayOf('asOf', r.payload.asOf, today);
    const result = await readCaseLog(this.deps, caseId, { today, ...(asOf ? { asOf } : {}) });
    // Another district's or settlement's case is "not found", like a case that does not exist.
    if (!result || result.state.site !== settlement || result.state.district !== district) {
      throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_FOUND, { caseId }, 'case not found');
    }
    const from = r.payload.entriesFrom ?? 0;
    if (!Number.isInteger(from) || from < 0 || (from > 0 && from >= result.log.entries.length)) {
      throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'entriesFrom' }, 'entriesFrom out of range');
    }
    const { entries, nextEntry } = entriesPart(result.log.entries, from);
    return { ok: true, value: { ...result.log, entries, clientIds: result.clientIds, ...(nextEntry !== undefined ? { nextEntry } : {}) } };
  }

  @MessagePattern(CASEWORK_SUBJECTS.caseload)
  async caseload(@Payload() r: RpcRequest<CaseloadQuery>): Promise<RpcReply<Caseload>> {
    requireCaseScope(r.actor, r.payload);
    if (r.payload.workerId !== r.actor.userId && !SUPERVISORS.includes(r.actor.role)) {
      throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'other_worker' }, 'only supervisors see another caseload');
    }
    await this.caughtUp(r.payload.after);
    const today = dayOf('today', r.payload.today, localDateOf(new Date()));
    return { ok: true, value: await this.queries.caseload(r.payload.district, r.payload.workerId, today, scopeFilterFor(r.actor, 'personal')) };
  }

  @MessagePattern(CASEWORK_SUBJECTS.overview)
  async overview(@Payload() r: RpcRequest<OverviewQuery>): Promise<RpcReply<Overview>> {
    requireCaseScope(r.actor, r.payload, SUPERVISORS);
    await this.caughtUp(r.payload.after);
    const today = dayOf('today', r.payload.today, localDateOf(new Date()));
    const value = await this.queries.overview(r.payload.district, r.payload.settlement, today, scopeFilterFor(r.actor, 'personal'));
    return { ok: true, value };
  }

  private async caughtUp(after: string | undefined): Promise<void> {
    if (after === undefined || after === '') return;
    if (!isCheckpoint(after)) throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'after' });
    try {
      await this.runner.waitForCheckpoint(after, { timeoutMs: AFTER_TIMEOUT_MS });
    } catch {
      throw new DomainError(PLATFORM_ERRORS.TIMEOUT, { service: 'casework' });
    }
  }
}
