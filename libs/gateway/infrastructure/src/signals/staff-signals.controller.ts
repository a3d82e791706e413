import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type MatchAlert, type Queue, type SignalDetails, type SignalStatistics, SIGNALS_SUBJECTS, type SubmitSignalPayload, type SubmitSignalReply, type TriagePayload, type TriageReply } from '@kapocs/signals/contracts';
import { AuditRead, CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { ExpectedVersion, RequireIfMatch, VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { AttachmentBlobStore, type CheckedFile } from './attachments/attachment-blobs.js';
import { submitWithFiles } from './attachments/attachment-submit.js';
import { SignalFiles, SignalUploadInterceptor } from './attachments/signal-upload.interceptor.js';
import { formOf } from './portal.controller.js';
import { AlertsParams, AssignSignalRequest, LinkClientRequest, QueueParams, RecordSignalRequest, SignalMeasureRequest, StatisticsParams } from './signal.dto.js';
import { SIGNAL_STAFF } from './signals-roles.js';

const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** Staff side of the signal system: signals recorded from phone, e-mail or paper, the queues, and triage. */
@ApiTags('signals')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...SIGNAL_STAFF)
@Controller('districts/:district')
export class StaffSignalsController {
  constructor(
    private readonly rpc: RpcGateway,
    private readonly blobs: AttachmentBlobStore,
  ) {}

  private triage(district: string, settlement: string, actor: Actor, correlationId: string, command: TriagePayload['command'], expectedVersion?: string): Promise<TriageReply> {
    const payload: TriagePayload = { district: district as DistrictCode, settlement: settlement as SettlementCode, command, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    return this.rpc.call(SIGNALS_SUBJECTS.triage, actor, payload, { correlationId });
  }

  /** A signal that arrived by phone, e-mail or paper, for the settlement of the path. */
  @Post('settlements/:settlement/signals')
  @ApiHeader(IDEMPOTENT)
  @ApiConsumes('application/json', 'multipart/form-data')
  @VersionedResource()
  @UseInterceptors(SignalUploadInterceptor)
  record(
    @Param('district') d: string,
    @Param('settlement') s: string,
    @Body() body: RecordSignalRequest,
    @SignalFiles() files: readonly CheckedFile[],
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<SubmitSignalReply> {
    const payload: SubmitSignalPayload = {
      district: d as DistrictCode,
      form: { ...formOf(body), settlement: s as SettlementCode },
      channel: body.channel,
      ...(body.organisationId ? { organisationId: body.organisationId } : {}),
      ...(body.signaller ? { signaller: { ...body.signaller } } : {}),
    };
    return submitWithFiles(this.rpc, this.blobs, actor, payload, files, c);
  }

  /** The queue: a settlement's (`?settlement=`) or the whole district's; critical first, with deadlines and escalation. */
  @Get('signal-queue')
  @Reads('operational')
  queue(@Param('district') d: string, @Query() q: QueueParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<Queue> {
    return this.rpc.call(SIGNALS_SUBJECTS.queue, actor, { district: d, ...q }, { correlationId: c });
  }

  /** Match alerts: a signal about a client already signalled by another member, or with an open case. */
  @Get('signal-alerts')
  @Reads('operational')
  alerts(@Param('district') d: string, @Query() q: AlertsParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<MatchAlert[]> {
    return this.rpc.call(SIGNALS_SUBJECTS.alerts, actor, { district: d, ...q }, { correlationId: c });
  }

  /** Counts per member category, settlement, child/adult, endangerment category and channel, and handling times. */
  @Get('signal-statistics')
  @Reads('aggregate')
  statistics(@Param('district') d: string, @Query() q: StatisticsParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<SignalStatistics> {
    return this.rpc.call(SIGNALS_SUBJECTS.statistics, actor, { district: d, ...q }, { correlationId: c });
  }

  /**
   * What the signal says — observed facts, since when, who it is about, the signaller's contact, the attachments — for
   * staff of its settlement or district, to triage it. Audited; another settlement's or district's signal is "not found".
   */
  @Get('settlements/:settlement/signals/:signalId')
  @AuditRead({ subjectParam: 'signalId', purpose: 'signal-details', districtParam: 'district' })
  details(@Param('district') d: string, @Param('settlement') s: string, @Param('signalId') signalId: string, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<SignalDetails> {
    return this.rpc.call(SIGNALS_SUBJECTS.detail, actor, { district: d, settlement: s, signalId }, { correlationId: c, purpose: 'signal-details' });
  }

  @Post('settlements/:settlement/signals/:signalId/assignment')
  @HttpCode(200)
  @RequireIfMatch()
  assign(@Param('district') d: string, @Param('settlement') s: string, @Param('signalId') signalId: string, @Body() body: AssignSignalRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.triage(d, s, actor, c, { type: 'AssignSignal', data: { signalId, workerId: body.workerId } }, v);
  }

  @Post('settlements/:settlement/signals/:signalId/client-link')
  @HttpCode(200)
  @RequireIfMatch()
  link(@Param('district') d: string, @Param('settlement') s: string, @Param('signalId') signalId: string, @Body() body: LinkClientRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.triage(d, s, actor, c, { type: 'LinkSignalToClient', data: { signalId, clientId: body.clientId } }, v);
  }

  @Post('settlements/:settlement/signals/:signalId/registration-request')
  @HttpCode(200)
  @RequireIfMatch()
  markForRegistration(@Param('district') d: string, @Param('settlement') s: string, @Param('signalId') signalId: string, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.triage(d, s, actor, c, { type: 'MarkSignalForRegistration', data: { signalId } }, v);
  }

  @Post('settlements/:settlement/signals/:signalId/measures')
  @HttpCode(200)
  @RequireIfMatch()
  measure(@Param('district') d: string, @Param('settlement') s: string, @Param('signalId') signalId: string, @Body() body: SignalMeasureRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    const data = { signalId, measureId: body.measureId ?? randomUUID(), kind: body.kind, date: body.date, ...(body.note ? { note: body.note } : {}) };
    return this.triage(d, s, actor, c, { type: 'RecordSignalMeasure', data }, v);
  }
}
