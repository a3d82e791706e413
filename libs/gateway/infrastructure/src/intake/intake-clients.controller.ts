import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  type ClientCommandReply,
  type Declaration,
  INTAKE_SUBJECTS,
  type RegisterClientReply,
} from '@kapocs/intake/contracts';
import { CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor } from '@kapocs/shared/kernel';
import { ExpectedVersion, RequireIfMatch, VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { MergeClientsRequest, RecordDeclarationRequest, ServiceEndRequest, ServiceStartRequest } from './client-actions.dto.js';
import { CorrectClientRequest, RegisterClientRequest } from './client.dto.js';
import { INTAKE_WRITERS } from './intake-roles.js';

const OPTIONAL_IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag ("<version>") the change is based on' };
const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** The caller's optional `If-Match`, for commands where it is not required: a stale one is refused (412). */
const versionOf = (expectedVersion: string | undefined): { expectedVersion?: string } => (expectedVersion ? { expectedVersion } : {});

function declarationOf(body: RecordDeclarationRequest): Declaration {
  return body.kind === 'data_processing'
    ? { kind: 'data_processing', form: body.form ?? 'written', purposes: { register: false, disclosureOnRequest: false, specialData: false, ...body.purposes } }
    : { kind: 'other_basic_services', usesOtherServices: body.usesOtherServices ?? false, providers: [...(body.providers ?? [])] };
}

/** The client register of a service site (Szt. 20. §): commands only; reads are the records routes. */
@ApiTags('intake')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...INTAKE_WRITERS)
@Controller('districts/:district/settlements/:settlement/clients')
export class IntakeClientsController {
  constructor(private readonly rpc: RpcGateway) {}

  /** Nyilvántartásba vétel; 409 INTAKE_PROBABLE_DUPLICATE lists the look-alikes unless acknowledged. */
  @Post()
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  register(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Body() body: RegisterClientRequest,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<RegisterClientReply> {
    const payload = { district, settlement, ...body, clientId: body.clientId ?? randomUUID() };
    return this.rpc.call(INTAKE_SUBJECTS.registerClient, actor, payload, { correlationId });
  }

  @Patch(':clientId')
  @RequireIfMatch()
  correct(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Body() body: CorrectClientRequest,
    @ExpectedVersion() expectedVersion: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    const payload = { district, settlement, clientId, expectedVersion, reason: body.reason, changes: { ...body.changes } };
    return this.rpc.call(INTAKE_SUBJECTS.correctClient, actor, payload, { correlationId });
  }

  @Post(':clientId/declarations')
  @HttpCode(200)
  @VersionedResource()
  declare(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Body() body: RecordDeclarationRequest,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    const payload = { district, settlement, clientId, declaredOn: body.declaredOn, declaration: declarationOf(body) };
    return this.rpc.call(INTAKE_SUBJECTS.recordDeclaration, actor, payload, { correlationId });
  }

  @Post(':clientId/service-start')
  @HttpCode(200)
  @VersionedResource()
  @ApiHeader(OPTIONAL_IF_MATCH)
  startService(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Body() body: ServiceStartRequest,
    @ExpectedVersion() expectedVersion: string | undefined,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    return this.rpc.call(INTAKE_SUBJECTS.startService, actor, { district, settlement, clientId, startedOn: body.startedOn, ...versionOf(expectedVersion) }, { correlationId });
  }

  @Post(':clientId/service-end')
  @HttpCode(200)
  @VersionedResource()
  @ApiHeader(OPTIONAL_IF_MATCH)
  endService(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Body() body: ServiceEndRequest,
    @ExpectedVersion() expectedVersion: string | undefined,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    return this.rpc.call(INTAKE_SUBJECTS.endService, actor, { district, settlement, clientId, endedOn: body.endedOn, ...versionOf(expectedVersion) }, { correlationId });
  }

  /** The path's client survives; both histories are kept. An optional `If-Match` is the survivor's version. */
  @Post(':clientId/merge')
  @HttpCode(200)
  @VersionedResource()
  @ApiHeader(OPTIONAL_IF_MATCH)
  merge(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Body() body: MergeClientsRequest,
    @ExpectedVersion() expectedVersion: string | undefined,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    const payload = { district, settlement, survivorId: clientId, mergedClientId: body.mergedClientId, reason: body.reason, ...versionOf(expectedVersion) };
    return this.rpc.call(INTAKE_SUBJECTS.mergeClients, actor, payload, { correlationId });
  }

  /** Törlés (Szt. 23. §): records the erasure, then shreds the client's key; the head's decision alone. */
  @Post(':clientId/erasure')
  @Roles('head')
  @HttpCode(200)
  erase(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientCommandReply> {
    return this.rpc.call(INTAKE_SUBJECTS.eraseClient, actor, { district, settlement, clientId }, { correlationId });
  }
}
