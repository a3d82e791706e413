import { Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type DeadLetters, type MarkedAllRead, type MarkedRead, NOTIFICATION_SUBJECTS, type NotificationList, type RetryQueued } from '@kapocs/notification/contracts';
import { CurrentActor, Reads, Roles } from '@kapocs/platform/auth';
import type { Actor } from '@kapocs/shared/kernel';
import { pickLanguage } from '../errors/error-body.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { DeadLetterParams, NotificationListParams } from './notification.dto.js';

/**
 * The caller's in-app notifications (every role: staff by user, a member's portal users by organisation). They carry
 * reference numbers and status codes only, so they are operational data (ADR-0010).
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Reads('operational')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcGateway) {}

  /** Newest first; texts in Hungarian, English with `Accept-Language: en`. */
  @Get()
  list(@Query() q: NotificationListParams, @Headers('accept-language') lang: string | undefined, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<NotificationList> {
    const payload = { unread: q.unread === 'true', ...(q.limit ? { limit: Number(q.limit) } : {}), ...(q.before ? { before: q.before } : {}), lang: pickLanguage(lang) };
    return this.rpc.call(NOTIFICATION_SUBJECTS.list, actor, payload, { correlationId: c });
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<MarkedAllRead> {
    return this.rpc.call(NOTIFICATION_SUBJECTS.read, actor, {}, { correlationId: c });
  }

  /** Idempotent; another user's notification answers 404 like a missing one. */
  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id') id: string, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<MarkedRead> {
    return this.rpc.call(NOTIFICATION_SUBJECTS.read, actor, { id }, { correlationId: c });
  }
}

/** The operator's view of e-mails that did not go out: dead letters and those not sent for want of SMTP. */
@ApiTags('notifications')
@ApiBearerAuth()
@Reads('operational')
@Roles('operator')
@Controller('operator/notifications/dead-letters')
export class DeadLettersController {
  constructor(private readonly rpc: RpcGateway) {}

  @Get()
  list(@Query() q: DeadLetterParams, @Headers('accept-language') lang: string | undefined, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<DeadLetters> {
    return this.rpc.call(NOTIFICATION_SUBJECTS.deadLetters, actor, { lang: pickLanguage(lang), ...(q.limit ? { limit: Number(q.limit) } : {}) }, { correlationId: c });
  }

  /** Queues the delivery again with fresh attempts: 202, the dispatcher sends it. */
  @Post(':id/retry')
  @HttpCode(202)
  retry(@Param('id') id: string, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<RetryQueued> {
    return this.rpc.call(NOTIFICATION_SUBJECTS.retry, actor, { id }, { correlationId: c });
  }
}
