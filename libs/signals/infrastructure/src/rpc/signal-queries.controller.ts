import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type AlertsQuery,
  type FeedbackItem,
  type FeedbackQuery,
  type MatchAlert,
  type MemberRow,
  type MembersQuery,
  type Queue,
  type QueueQuery,
  SIGNALS_ERRORS,
  SIGNALS_SUBJECTS,
  type SignalStatistics,
  type StatisticsQuery,
} from '@kapocs/signals/contracts';
import { isIsoDate, localDateOf, normalizeReference, SignalsError } from '@kapocs/signals/domain';
import { scopeFilterFor } from '@kapocs/platform/auth';
import { isCheckpoint } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';
import { DomainError, PLATFORM_ERRORS, type RpcReply, type RpcRequest } from '@kapocs/shared/kernel';
import type { MatchAlertQueries } from '../matches/match-alerts.queries.js';
import type { SignalQueueQueries } from '../queue/queue.queries.js';
import type { SignalStatisticsQueries } from '../queue/statistics.queries.js';
import { MATCH_ALERTS_QUERIES, MATCH_ALERTS_RUNNER, SIGNAL_QUEUE_QUERIES, SIGNAL_QUEUE_RUNNER, SIGNAL_STATISTICS_QUERIES } from './signals-deps.token.js';
import { MEMBER_ADMINS, requireMemberScope, requireStaffScope } from './signals-scope.js';

/** Read-your-writes waits at most this long for the queue projection to reach a command's checkpoint. */
const AFTER_TIMEOUT_MS = 10_000;

/** The member register, the staff queues and the member's feedback, all from the queue read model. */
@Controller()
export class SignalQueriesController {
  constructor(
    @Inject(SIGNAL_QUEUE_QUERIES) private readonly queries: SignalQueueQueries,
    @Inject(SIGNAL_QUEUE_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(MATCH_ALERTS_QUERIES) private readonly alertQueries: MatchAlertQueries,
    @Inject(MATCH_ALERTS_RUNNER) private readonly matchRunner: ProjectionRunner,
    @Inject(SIGNAL_STATISTICS_QUERIES) private readonly statisticsQueries: SignalStatisticsQueries,
  ) {}

  @MessagePattern(SIGNALS_SUBJECTS.members)
  async members(@Payload() r: RpcRequest<MembersQuery>): Promise<RpcReply<MemberRow[]>> {
    requireStaffScope(r.actor, r.payload, MEMBER_ADMINS);
    await this.caughtUp(r.payload.after);
    return { ok: true, value: await this.queries.memberList(r.payload.district) };
  }

  @MessagePattern(SIGNALS_SUBJECTS.queue)
  async queue(@Payload() r: RpcRequest<QueueQuery>): Promise<RpcReply<Queue>> {
    requireStaffScope(r.actor, r.payload);
    await this.caughtUp(r.payload.after);
    const today = r.payload.today ?? localDateOf(new Date());
    if (!isIsoDate(today)) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field: 'today', reason: 'not_iso_date' }, 'today is not a date');
    const { settlement, organisationId } = r.payload;
    const reference = r.payload.reference ? normalizeReference(String(r.payload.reference)) : undefined;
    const filter = { ...(settlement ? { settlement } : {}), ...(reference ? { reference } : {}), ...(organisationId ? { organisationId } : {}) };
    return { ok: true, value: await this.queries.queue(r.payload.district, filter, today, scopeFilterFor(r.actor, 'personal')) };
  }

  @MessagePattern(SIGNALS_SUBJECTS.statistics)
  async statistics(@Payload() r: RpcRequest<StatisticsQuery>): Promise<RpcReply<SignalStatistics>> {
    requireStaffScope(r.actor, r.payload);
    const { district, from, to, settlement } = r.payload;
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(value)) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field, reason: 'not_iso_date' }, `${field} is not a date`);
    }
    if (to < from) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field: 'to', reason: 'before_from' }, 'to before from');
    await this.caughtUp(r.payload.after);
    return { ok: true, value: await this.statisticsQueries.statistics(district, from, to, settlement, scopeFilterFor(r.actor, 'personal')) };
  }

  /** Match alerts of the caller's settlements (or district); `workerId` narrows them to one handler's. */
  @MessagePattern(SIGNALS_SUBJECTS.alerts)
  async alerts(@Payload() r: RpcRequest<AlertsQuery>): Promise<RpcReply<MatchAlert[]>> {
    requireStaffScope(r.actor, r.payload);
    await this.caughtUp(r.payload.after, this.matchRunner);
    const { settlement, workerId } = r.payload;
    const value = await this.alertQueries.list(r.payload.district, { ...(settlement ? { settlement } : {}), ...(workerId ? { workerId } : {}) }, scopeFilterFor(r.actor, 'personal'));
    return { ok: true, value };
  }

  /**
   * Visszajelzés: only the member's own organisation's signals, whatever organisation the payload names. Asked for
   * one signal (by id or reference) that is not its own, the answer is the same "not found" as for one that does not
   * exist, so ids and reference numbers cannot be probed.
   */
  @MessagePattern(SIGNALS_SUBJECTS.feedback)
  async feedback(@Payload() r: RpcRequest<FeedbackQuery>): Promise<RpcReply<FeedbackItem[]>> {
    const organisation = requireMemberScope(r.actor, r.payload);
    await this.caughtUp(r.payload.after);
    const { signalId } = r.payload;
    // A reference typed without the `J-` prefix or dashes finds the signal too.
    const reference = r.payload.reference ? normalizeReference(String(r.payload.reference)) : undefined;
    const items = await this.queries.feedback(r.payload.district, organisation, { ...(signalId ? { signalId } : {}), ...(reference ? { reference } : {}) });
    if ((signalId || reference) && items.length === 0) {
      throw new SignalsError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, { ...(signalId ? { signalId } : {}) }, 'signal not found');
    }
    return { ok: true, value: items };
  }

  private async caughtUp(after: string | undefined, runner: ProjectionRunner = this.runner): Promise<void> {
    if (after === undefined || after === '') return;
    if (!isCheckpoint(after)) throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'after' });
    try {
      await runner.waitForCheckpoint(after, { timeoutMs: AFTER_TIMEOUT_MS });
    } catch {
      throw new DomainError(PLATFORM_ERRORS.TIMEOUT, { service: 'signals' });
    }
  }
}
