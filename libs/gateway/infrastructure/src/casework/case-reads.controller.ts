import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CASEWORK_SUBJECTS, type Caseload, type CaseLog, type CaseLogReply, type Overview } from '@kapocs/casework/contracts';
import { AuditLog, AuditRead, CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import { type Actor, type DistrictCode, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { caseLogPdf } from './case-log.pdf.js';
import { CaseloadParams, CaseLogParams, OverviewParams } from './case.dto.js';
import { CASE_SUPERVISORS, CASE_WORKERS } from './casework-roles.js';


/** Esetnapló (JSON timeline and PDF), the worker's caseload and the head's overview. */
@ApiTags('casework')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...CASE_WORKERS)
@Controller('districts/:district')
export class CaseReadsController {
  constructor(
    private readonly rpc: RpcGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** The case is audited by its id (@AuditRead); its clients too, so their Szt. 22 inspection lists the read. */
  private async caseLog(district: string, settlement: string, caseId: string, asOf: string | undefined, actor: Actor, correlationId: string, purpose: string): Promise<CaseLog> {
    const payload = { district, settlement, caseId, ...(asOf ? { asOf } : {}) };
    const ask = (entriesFrom?: number): Promise<CaseLogReply> =>
      this.rpc.call<CaseLogReply>(CASEWORK_SUBJECTS.caseLog, actor, entriesFrom ? { ...payload, entriesFrom } : payload, { purpose, correlationId });
    // A long log comes in parts (each under the NATS payload limit); a case changed meanwhile is read again.
    for (let attempt = 0; ; attempt++) {
      const { clientIds, nextEntry, ...log } = await ask();
      const entries = [...log.entries];
      let next = nextEntry;
      let changed = false;
      while (next !== undefined && !changed) {
        const part = await ask(next);
        changed = part.version !== log.version;
        entries.push(...part.entries);
        next = part.nextEntry;
      }
      if (changed && attempt < 2) continue;
      if (changed) throw new DomainError(PLATFORM_ERRORS.WRONG_EXPECTED_VERSION, { caseId }, 'case changed while it was read');
      await this.audit.recordMany({ actor, district: district as DistrictCode, action: 'read', purpose, correlationId }, [...clientIds]);
      return { ...log, entries };
    }
  }

  @Get('settlements/:settlement/cases/:caseId')
  @AuditRead({ subjectParam: 'caseId', purpose: 'case-log', districtParam: 'district' })
  read(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Query() q: CaseLogParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<CaseLog> {
    return this.caseLog(d, s, caseId, q.asOf, actor, c, 'case-log');
  }

  @Get('settlements/:settlement/cases/:caseId/export')
  @ApiProduces('application/pdf')
  @AuditRead({ subjectParam: 'caseId', purpose: 'case-log-export', districtParam: 'district', action: 'export' })
  async export(@Param('district') d: string, @Param('settlement') s: string, @Param('caseId') caseId: string, @Query() q: CaseLogParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<StreamableFile> {
    const log = await this.caseLog(d, s, caseId, q.asOf, actor, c, 'case-log-export');
    const pdf = await caseLogPdf(log, new Date().toISOString().slice(0, 16).replace('T', ' '));
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="esetnaplo-${caseId}.pdf"`, length: pdf.length });
  }

  /** The caller's own caseload; a head or district staff may name another worker. Ids only: no audit needed. */
  @Get('caseload')
  @Reads('operational')
  caseload(@Param('district') d: string, @Query() q: CaseloadParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<Caseload> {
    const payload = { district: d, workerId: q.workerId ?? actor.userId, ...(q.today ? { today: q.today } : {}), ...(q.after ? { after: q.after } : {}) };
    return this.rpc.call(CASEWORK_SUBJECTS.caseload, actor, payload, { correlationId: c });
  }

  @Get('case-overview')
  @Roles(...CASE_SUPERVISORS)
  @Reads('aggregate')
  overview(@Param('district') d: string, @Query() q: OverviewParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<Overview> {
    return this.rpc.call(CASEWORK_SUBJECTS.overview, actor, { district: d, ...q }, { correlationId: c });
  }
}
