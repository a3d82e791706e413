import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CASEWORK_SUBJECTS, type CaseCommandBody, type CaseCommandPayload, type CaseCommandReply } from '@kapocs/casework/contracts';
import { CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { ExpectedVersion, RequireIfMatch, VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import {
  CheckCaseRequest,
  CloseCaseRequest,
  CooperationBreachRequest,
  DefineProblemRequest,
  EvaluateGoalRequest,
  EvaluateProcessRequest,
  HandOverCaseRequest,
  OpenCaseRequest,
  PersonalMeetingRequest,
  RecordMeasureRequest,
  ReopenCaseRequest,
  SetGoalRequest,
  SignAgreementRequest,
  YearlyEvaluationRequest,
} from './case.dto.js';
import { CASE_WORKERS } from './casework-roles.js';

const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** Case commands (gondozásba vétel to lezárás); every update names the version it was based on (If-Match). */
@ApiTags('casework')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...CASE_WORKERS)
@Controller('districts/:district/settlements/:settlement/cases')
export class CasesController {
  constructor(private readonly rpc: RpcGateway) {}

  private send(district: string, settlement: string, actor: Actor, correlationId: string, command: CaseCommandBody, expectedVersion?: string, extra: Partial<CaseCommandPayload> = {}): Promise<CaseCommandReply> {
    const payload: CaseCommandPayload = { district: district as DistrictCode, settlement: settlement as SettlementCode, command, ...(expectedVersion !== undefined ? { expectedVersion } : {}), ...extra };
    return this.rpc.call(CASEWORK_SUBJECTS.command, actor, payload, { correlationId });
  }

  /** Gondozásba vétel: the client must be registered; 201 with the case id and ETag "0". */
  @Post()
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  open(@Param('district') d: string, @Param('settlement') s: string, @Body() body: OpenCaseRequest, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'OpenCase', data: { ...body, caseId: body.caseId ?? randomUUID() } });
  }

  @Post(':caseId/problem-definitions')
  @HttpCode(200)
  @RequireIfMatch()
  defineProblem(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: DefineProblemRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'DefineProblem', data: { ...body, caseId } }, v);
  }

  @Post(':caseId/goals')
  @HttpCode(200)
  @RequireIfMatch()
  setGoal(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: SetGoalRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'SetGoal', data: { ...body, caseId, goalId: body.goalId ?? randomUUID() } }, v);
  }

  @Post(':caseId/goals/:goalId/evaluations')
  @HttpCode(200)
  @RequireIfMatch()
  evaluateGoal(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Param('goalId') goalId: string, @Body() body: EvaluateGoalRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'EvaluateGoal', data: { ...body, caseId, goalId } }, v);
  }

  @Post(':caseId/agreements')
  @HttpCode(200)
  @RequireIfMatch()
  signAgreement(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: SignAgreementRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'SignAgreement', data: { ...body, caseId, agreementId: body.agreementId ?? randomUUID() } }, v);
  }

  @Post(':caseId/measures')
  @HttpCode(200)
  @RequireIfMatch()
  recordMeasure(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: RecordMeasureRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    const { logContact, ...measure } = body;
    const extra = logContact ? { logContact: { mode: logContact.mode, problemTypes: logContact.problemTypes, ...(logContact.crisis !== undefined ? { crisis: logContact.crisis } : {}) } } : {};
    return this.send(d, s, actor, c, { type: 'RecordMeasure', data: { ...measure, caseId, measureId: measure.measureId ?? randomUUID() } }, v, extra);
  }

  @Post(':caseId/process-evaluations')
  @HttpCode(200)
  @RequireIfMatch()
  evaluateProcess(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: EvaluateProcessRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'EvaluateProcess', data: { ...body, caseId } }, v);
  }

  /** Ellenőrzés: the head's supervisory check. */
  @Post(':caseId/checks')
  @Roles('head')
  @HttpCode(200)
  @RequireIfMatch()
  check(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: CheckCaseRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'CheckCase', data: { caseId, checkedOn: body.checkedOn, remarks: body.remarks ?? '' } }, v);
  }

  @Post(':caseId/handover')
  @HttpCode(200)
  @RequireIfMatch()
  handOver(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: HandOverCaseRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'HandOverCase', data: { ...body, caseId } }, v);
  }

  @Post(':caseId/closure')
  @HttpCode(200)
  @RequireIfMatch()
  close(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: CloseCaseRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'CloseCase', data: { ...body, caseId } }, v);
  }

  @Post(':caseId/reopening')
  @HttpCode(200)
  @RequireIfMatch()
  reopen(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: ReopenCaseRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'ReopenCase', data: { ...body, caseId } }, v);
  }

  /** Aktív korúak: the personal meeting at least every three months. */
  @Post(':caseId/personal-meetings')
  @HttpCode(200)
  @RequireIfMatch()
  meeting(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: PersonalMeetingRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'RecordPersonalMeeting', data: { ...body, caseId } }, v);
  }

  @Post(':caseId/yearly-evaluations')
  @HttpCode(200)
  @RequireIfMatch()
  yearlyEvaluation(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: YearlyEvaluationRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'WriteYearlyEvaluation', data: { ...body, caseId } }, v);
  }

  @Post(':caseId/cooperation-breaches')
  @HttpCode(200)
  @RequireIfMatch()
  breach(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Body() body: CooperationBreachRequest, @ExpectedVersion() v: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, s, actor, c, { type: 'NotifyCooperationBreach', data: { ...body, caseId } }, v);
  }
}
