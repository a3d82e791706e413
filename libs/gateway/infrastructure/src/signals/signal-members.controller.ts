import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type MemberCommandPayload, type MemberCommandReply, type MemberRow, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import type { Actor, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { VersionedResource } from '../concurrency/if-match.js';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { AfterParams, PortalUserDto, RegisterMemberRequest } from './signal.dto.js';
import { MEMBER_ADMINS } from './signals-roles.js';

const IDEMPOTENT = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** The register of signal-system members (jelzőrendszeri tagok) of a district, kept by the district centre. */
@ApiTags('signals')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Roles(...MEMBER_ADMINS)
@Controller('districts/:district/signal-members')
export class SignalMembersController {
  constructor(private readonly rpc: RpcGateway) {}

  private send(district: string, actor: Actor, correlationId: string, command: MemberCommandPayload['command']): Promise<MemberCommandReply> {
    return this.rpc.call(SIGNALS_SUBJECTS.member, actor, { district: district as DistrictCode, command }, { correlationId });
  }

  /** Registers (invites) a member organisation with its contact person and portal users. */
  @Post()
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  register(@Param('district') d: string, @Body() body: RegisterMemberRequest, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    const { organisationId, settlements, ...rest } = body;
    return this.send(d, actor, c, { type: 'RegisterMember', data: { ...rest, settlements: settlements as SettlementCode[], organisationId: organisationId ?? randomUUID() } });
  }

  /** Gives one more person of the organisation access to the signal portal. */
  @Post(':organisationId/portal-users')
  @ApiHeader(IDEMPOTENT)
  @VersionedResource()
  invite(@Param('district') d: string, @Param('organisationId') organisationId: string, @Body() body: PortalUserDto, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.send(d, actor, c, { type: 'InvitePortalUser', data: { ...body, organisationId } });
  }

  /** The register: organisation names, categories and settlements (no contact persons). */
  @Get()
  @Reads('operational')
  list(@Param('district') d: string, @Query() q: AfterParams, @CurrentActor() actor: Actor, @CorrelationId() c: string): Promise<MemberRow[]> {
    return this.rpc.call(SIGNALS_SUBJECTS.members, actor, { district: d, ...(q.after ? { after: q.after } : {}) }, { correlationId: c });
  }
}
