import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type FeedbackItem, SIGNALS_SUBJECTS, type SubmitSignalPayload, type SubmitSignalReply } from '@kapocs/signals/contracts';
import { CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { AttachmentBlobStore, type CheckedFile } from './attachments/attachment-blobs.js';
import { submitWithFiles } from './attachments/attachment-submit.js';
import { SignalFiles, SignalUploadInterceptor } from './attachments/signal-upload.interceptor.js';
import { AfterParams, type SubmitSignalRequest as Form, SubmitSignalRequest } from './signal.dto.js';

const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** The signal form as a payload; `categories` may be missing here and is refused by the service with its own code. */
export const formOf = (body: Form): SubmitSignalPayload['form'] => ({
  signalId: body.signalId ?? randomUUID(),
  settlement: body.settlement as SettlementCode,
  subjectKind: body.subjectKind,
  categories: body.categories ?? [],
  ...(body.observedSince ? { observedSince: body.observedSince } : {}),
  urgency: body.urgency,
  personal: { subject: { ...body.subject }, observed: body.observed },
});

/**
 * The signal portal of a member organisation (`:organisation` is checked against the token's organisation by the
 * guard and again by the service): submit a jelzés, see the feedback on the organisation's own signals.
 */
@ApiTags('signals')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles('signal_member')
@Controller('districts/:district/organisations/:organisation/signals')
export class PortalController {
  constructor(
    private readonly rpc: RpcGateway,
    private readonly blobs: AttachmentBlobStore,
  ) {}

  /** 201 with the reference number at once; for immediate danger the on-call number too. */
  @Post()
  @ApiHeader(IDEMPOTENT)
  @ApiConsumes('application/json', 'multipart/form-data')
  @VersionedResource()
  @UseInterceptors(SignalUploadInterceptor)
  submit(
    @Param('district') d: string,
    @Param('organisation') o: string,
    @Body() body: SubmitSignalRequest,
    @SignalFiles() files: readonly CheckedFile[],
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<SubmitSignalReply> {
    const payload: SubmitSignalPayload = { district: d as DistrictCode, form: formOf(body), organisationId: o, ...(body.signaller ? { signaller: { ...body.signaller } } : {}) };
    return submitWithFiles(this.rpc, this.blobs, actor, payload, files, c);
  }

  /** The organisation's signals with the status the law lets it know (never the family's details). */
  @Get()
  @Reads('operational')
  list(@Param('district') d: string, @Param('organisation') o: string, @Query() q: AfterParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<FeedbackItem[]> {
    return this.rpc.call(SIGNALS_SUBJECTS.feedback, actor, { district: d, organisationId: o, ...(q.after ? { after: q.after } : {}) }, { correlationId: c });
  }

  @Get('by-reference/:reference')
  @Reads('operational')
  async byReference(@Param('district') d: string, @Param('organisation') o: string, @Param('reference') reference: string, @Query() q: AfterParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<FeedbackItem | undefined> {
    const items = await this.rpc.call<FeedbackItem[]>(SIGNALS_SUBJECTS.feedback, actor, { district: d, organisationId: o, reference, ...(q.after ? { after: q.after } : {}) }, { correlationId: c });
    return items[0];
  }

  @Get(':signalId')
  @Reads('operational')
  async one(@Param('district') d: string, @Param('organisation') o: string, @Param('signalId') signalId: string, @Query() q: AfterParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<FeedbackItem | undefined> {
    const items = await this.rpc.call<FeedbackItem[]>(SIGNALS_SUBJECTS.feedback, actor, { district: d, organisationId: o, signalId, ...(q.after ? { after: q.after } : {}) }, { correlationId: c });
    return items[0];
  }
}
