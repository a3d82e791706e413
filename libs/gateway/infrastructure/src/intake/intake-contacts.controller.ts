import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type ContactCommandReply, INTAKE_SUBJECTS } from '@kapocs/intake/contracts';
import { CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor } from '@kapocs/shared/kernel';
import { ExpectedVersion, RequireIfMatch, VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { CorrectContactRequest, LogContactRequest, LogGroupSessionRequest, VoidContactRequest } from './contact.dto.js';
import { INTAKE_WRITERS } from './intake-roles.js';

const OPTIONAL_IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag ("<version>") the change is based on' };
const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** The forgalmi napló of a service site: new entries, corrections and voiding (never deletion). */
@ApiTags('intake')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...INTAKE_WRITERS)
@Controller('districts/:district/settlements/:settlement')
export class IntakeContactsController {
  constructor(private readonly rpc: RpcGateway) {}

  @Post('contacts')
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  log(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Body() body: LogContactRequest,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ContactCommandReply> {
    const { subject, ...rest } = body;
    const ref = subject.kind === 'client' ? { kind: 'client' as const, clientId: subject.clientId ?? '' } : { kind: 'anonymous' as const };
    const payload = { district, settlement, ...rest, subject: ref, contactId: body.contactId ?? randomUUID() };
    return this.rpc.call(INTAKE_SUBJECTS.logContact, actor, payload, { correlationId });
  }

  @Post('group-sessions')
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  logGroupSession(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Body() body: LogGroupSessionRequest,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ContactCommandReply> {
    const payload = { district, settlement, ...body, contactId: body.contactId ?? randomUUID() };
    return this.rpc.call(INTAKE_SUBJECTS.logGroupSession, actor, payload, { correlationId });
  }

  @Patch('contacts/:contactId')
  @RequireIfMatch()
  correct(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('contactId') contactId: string,
    @Body() body: CorrectContactRequest,
    @ExpectedVersion() expectedVersion: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ContactCommandReply> {
    const payload = { district, settlement, contactId, expectedVersion, reason: body.reason, changes: { ...body.changes } };
    return this.rpc.call(INTAKE_SUBJECTS.correctContact, actor, payload, { correlationId });
  }

  /** `If-Match` is optional here: when sent, a stale version is refused (412) like a correction's. */
  @Post('contacts/:contactId/void')
  @HttpCode(200)
  @VersionedResource()
  @ApiHeader(OPTIONAL_IF_MATCH)
  void(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('contactId') contactId: string,
    @Body() body: VoidContactRequest,
    @ExpectedVersion() expectedVersion: string | undefined,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ContactCommandReply> {
    const payload = { district, settlement, contactId, reason: body.reason, ...(expectedVersion ? { expectedVersion } : {}) };
    return this.rpc.call(INTAKE_SUBJECTS.voidContact, actor, payload, { correlationId });
  }
}
