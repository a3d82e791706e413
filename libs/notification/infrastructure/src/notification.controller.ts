import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type DeadLetters,
  type DeadLettersQuery,
  type ListNotificationsQuery,
  type MarkedAllRead,
  type MarkedRead,
  type MarkReadCommand,
  NOTIFICATION_SUBJECTS,
  type NotificationList,
  type RetryDeadLetterCommand,
  type RetryQueued,
} from '@kapocs/notification/contracts';
import { type Actor, DomainError, PLATFORM_ERRORS, type RpcReply, type RpcRequest } from '@kapocs/shared/kernel';
import type { OutboxDispatcher } from './delivery/dispatcher.js';
import type { NotificationQueries } from './inbox/notification.queries.js';
import { recipientsOf } from './inbox/recipients.js';
import { NOTIFICATION_QUERIES, OUTBOX_DISPATCHER } from './notification.tokens.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (): DomainError => new DomainError(PLATFORM_ERRORS.NOT_FOUND, {}, 'No such notification of the caller');
const clampLimit = (n: number | undefined, max: number): number => Math.min(max, Math.max(1, Math.floor(Number(n) || 50)));

/** The gateway checks roles too; the service answers only for the caller's own inbox and the operator's view. */
function requireOperator(actor: Actor): void {
  if (actor.role !== 'operator') throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, {}, 'Dead letters are for operators');
}

/** The caller's in-app notifications, and the operator's view of e-mails that did not go out. */
@Controller()
export class NotificationController {
  constructor(
    @Inject(NOTIFICATION_QUERIES) private readonly queries: NotificationQueries,
    @Inject(OUTBOX_DISPATCHER) private readonly dispatcher: OutboxDispatcher,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.list)
  async list(@Payload() r: RpcRequest<ListNotificationsQuery>): Promise<RpcReply<NotificationList>> {
    const q = r.payload ?? {};
    const value = await this.queries.list(recipientsOf(r.actor), { unread: q.unread === true, limit: clampLimit(q.limit, 200), ...(q.before ? { before: q.before } : {}), lang: q.lang === 'en' ? 'en' : 'hu' });
    return { ok: true, value };
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.read)
  async read(@Payload() r: RpcRequest<MarkReadCommand>): Promise<RpcReply<MarkedRead | MarkedAllRead>> {
    const id = r.payload?.id;
    if (id === undefined) return { ok: true, value: { marked: await this.queries.markAllRead(recipientsOf(r.actor)) } };
    if (!UUID.test(id)) throw notFound();
    const marked = await this.queries.markRead(recipientsOf(r.actor), id);
    if (!marked) throw notFound();
    return { ok: true, value: marked };
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.deadLetters)
  async deadLetters(@Payload() r: RpcRequest<DeadLettersQuery>): Promise<RpcReply<DeadLetters>> {
    requireOperator(r.actor);
    return { ok: true, value: await this.queries.deadLetters(r.payload?.lang === 'en' ? 'en' : 'hu', clampLimit(r.payload?.limit, 500)) };
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.retry)
  async retry(@Payload() r: RpcRequest<RetryDeadLetterCommand>): Promise<RpcReply<RetryQueued>> {
    requireOperator(r.actor);
    const id = r.payload?.id ?? '';
    const queued = UUID.test(id) ? await this.queries.retry(id) : undefined;
    if (!queued) throw notFound();
    this.dispatcher.wake();
    return { ok: true, value: queued };
  }
}
