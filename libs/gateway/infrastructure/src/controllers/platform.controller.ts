import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, DomainError, PLATFORM_ERRORS, TARGETS, type TargetName } from '@kapocs/shared/kernel';
import { AuditLog, type AuditRecord, AuditRead, CurrentActor, Reads, Roles, scopeFilterFor } from '@kapocs/platform/auth';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';

/** Who am I, is a service there, who read this subject's data. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller()
export class PlatformController {
  constructor(
    private readonly rpc: RpcGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('me')
  @Reads('operational')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('services/:service/ping')
  @Reads('operational')
  async ping(
    @Param('service') service: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<unknown> {
    if (!(TARGETS as readonly string[]).includes(service)) {
      throw new DomainError(PLATFORM_ERRORS.NOT_FOUND, { service: 'unknown' });
    }
    if ((service as TargetName) === 'gateway') return { service: 'gateway' };
    return this.rpc.call(`${service}.query.ping`, actor, {}, { correlationId });
  }

  /**
   * Szt. 22 inspection right: who read the subject's personal data, when and why; limited to the caller's district.
   * Reading the trail is itself a read about the subject and is recorded (after the list is taken, so it shows next time).
   */
  @Get('audit/subjects/:subjectId')
  @Roles('head', 'district_worker', 'case_manager')
  @Reads('personal')
  @AuditRead({ subjectParam: 'subjectId', purpose: 'audit-trail' })
  async auditTrail(@Param('subjectId') subjectId: string, @CurrentActor() actor: Actor): Promise<AuditRecord[]> {
    return this.audit.listBySubject(subjectId, scopeFilterFor(actor, 'personal'));
  }
}
