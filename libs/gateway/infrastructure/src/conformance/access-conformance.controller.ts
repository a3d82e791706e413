import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kapocs/shared/kernel';
import { AuditRead, CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import { ExpectedVersion, RequireIfMatch, VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { CONFORMANCE_SUBJECTS, type SampleSubjectView } from './conformance.contract.js';
import { SampleNoteRequest, SampleSubjectUpdate } from './conformance.dto.js';

const PURPOSE = 'access-conformance';

/**
 * ACCESS-CONFORMANCE FIXTURES, not a feature: one scoped, audited personal-data read, one idempotent create and one
 * If-Match update, so the role-matrix test exercises the real guard, audit, idempotency and concurrency path.
 */
@ApiTags('access-conformance')
@ApiBearerAuth()
@Scoped()
@Controller('districts/:district/settlements/:settlement')
export class AccessConformanceController {
  constructor(private readonly rpc: RpcGateway) {}

  @Get('sample-subjects/:id')
  @Reads('personal')
  @VersionedResource()
  @AuditRead({ subjectParam: 'id', purpose: PURPOSE, districtParam: 'district' })
  read(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<SampleSubjectView> {
    return this.rpc.call(CONFORMANCE_SUBJECTS.readSubject, actor, { district, settlement, id }, { purpose: PURPOSE, correlationId });
  }

  @Post('sample-notes')
  @Roles('settlement_worker', 'district_worker', 'case_manager', 'head')
  @Reads('personal')
  addNote(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Body() body: SampleNoteRequest,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ noteId: string }> {
    return this.rpc.call(CONFORMANCE_SUBJECTS.addNote, actor, { district, settlement, ...body }, { correlationId });
  }

  @Patch('sample-subjects/:id')
  @Roles('settlement_worker', 'district_worker', 'case_manager', 'head')
  @Reads('personal')
  @RequireIfMatch()
  update(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('id') id: string,
    @Body() body: SampleSubjectUpdate,
    @ExpectedVersion() expectedVersion: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<SampleSubjectView> {
    const payload = { district, settlement, id, expectedVersion, label: body.label };
    return this.rpc.call(CONFORMANCE_SUBJECTS.updateSubject, actor, payload, { correlationId });
  }
}
