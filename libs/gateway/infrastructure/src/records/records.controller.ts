import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  PROJECTOR_SUBJECTS,
  type ClientFile,
  type ClientFileQuery,
  type ClientSearchResult,
  type ContactLogPage,
  type ContactLogPeriod,
} from '@kapocs/projector/contracts';
import { AuditLog, type AuditRecord, AuditRead, CurrentActor, Reads, Roles, Scoped, scopeFilterFor } from '@kapocs/platform/auth';
import { type Actor, type DistrictCode, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { AfterParams, ClientSearchParams, ContactLogPageParams, ContactLogParams } from './records.dto.js';

/** Workers, case managers and the head read records; county analysts, operators and signal members never do. */
export const RECORD_READERS = ['settlement_worker', 'district_worker', 'case_manager', 'head'] as const;

/** Exactly one of date, month, year. */
export function periodOf(p: ContactLogParams): ContactLogPeriod {
  const given = [p.date ? { date: p.date } : null, p.month ? { month: p.month } : null, p.year ? { year: p.year } : null].filter(
    (x): x is ContactLogPeriod => x !== null,
  );
  if (given.length !== 1 || !given[0]) throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'date|month|year' });
  return given[0];
}

/** Register search, client file, forgalmi napló and the Szt. 21–24 inspection export (queries of the projector). */
@ApiTags('records')
@ApiBearerAuth()
@Scoped()
@Roles(...RECORD_READERS)
@Reads('personal')
@Controller('districts/:district')
export class RecordsController {
  constructor(
    private readonly rpc: RpcGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Szt. 20. § register search; the projector limits it to the caller's settlements or district. */
  @Get('clients')
  async search(
    @Param('district') district: string,
    @Query() query: ClientSearchParams,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientSearchResult> {
    const result = await this.rpc.call<ClientSearchResult>(
      PROJECTOR_SUBJECTS.clientSearch,
      actor,
      { district, ...query },
      { purpose: 'client-search', correlationId },
    );
    // A search page shows names and birth data: a read of every client on it (Szt. 22 inspection right).
    await this.audit.recordMany(
      { actor, district: district as DistrictCode, action: 'read', purpose: 'client-search', correlationId },
      result.clients.map((c) => c.clientId),
    );
    return result;
  }

  @Get('settlements/:settlement/clients/:clientId')
  @AuditRead({ subjectParam: 'clientId', purpose: 'client-file', districtParam: 'district' })
  clientFile(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @Query() query: AfterParams,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ClientFile> {
    return this.wholeFile(actor, { district, settlement, clientId, ...query }, 'client-file', correlationId);
  }

  /**
   * The client file with every contact: the projector answers a long history in parts (each reply under the NATS
   * payload limit), asked for here one after another and put together.
   */
  private async wholeFile(actor: Actor, query: ClientFileQuery, purpose: string, correlationId: string): Promise<ClientFile> {
    const file = await this.rpc.call<ClientFile>(PROJECTOR_SUBJECTS.clientFile, actor, query, { purpose, correlationId });
    const contacts = [...file.contacts];
    let cursor = file.nextContactsCursor;
    while (cursor !== undefined) {
      const part: ClientFile = await this.rpc.call<ClientFile>(
        PROJECTOR_SUBJECTS.clientFile,
        actor,
        { district: query.district, settlement: query.settlement, clientId: query.clientId, contactsAfter: cursor },
        { purpose, correlationId },
      );
      contacts.push(...part.contacts);
      cursor = part.nextContactsCursor;
    }
    const { nextContactsCursor: _, ...whole } = file;
    return { ...whole, contacts };
  }

  /** Szt. 21–24: everything held on the client and who read it (the audit list of the caller's district). */
  @Get('settlements/:settlement/clients/:clientId/inspection')
  @Roles('district_worker', 'case_manager', 'head')
  @AuditRead({ subjectParam: 'clientId', purpose: 'inspection', districtParam: 'district', action: 'export' })
  async inspection(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('clientId') clientId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ file: ClientFile; reads: AuditRecord[] }> {
    const file = await this.wholeFile(actor, { district, settlement, clientId }, 'inspection', correlationId);
    const scope = scopeFilterFor(actor, 'personal');
    const ids = [clientId, ...file.client.mergedClientIds];
    const reads = (await Promise.all(ids.map((id) => this.audit.listBySubject(id, scope)))).flat();
    return { file, reads };
  }

  /** Forgalmi napló of a site for a day, month or year: a page (≤ 1,000 entries, ~512 KB; `nextSerial` says more follow, pass it back as `afterSerial`). */
  @Get('settlements/:settlement/contact-log')
  async contactLog(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Query() query: ContactLogPageParams,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ContactLogPage> {
    const payload = {
      district,
      settlement,
      period: periodOf(query),
      ...(query.after ? { after: query.after } : {}),
      ...(query.afterSerial ? { afterSerial: Number(query.afterSerial) } : {}),
    };
    const page = await this.rpc.call<ContactLogPage>(PROJECTOR_SUBJECTS.contactLog, actor, payload, { purpose: 'contact-log', correlationId });
    await this.audit.recordMany(
      { actor, district: district as DistrictCode, action: 'read', purpose: 'contact-log', correlationId },
      page.entries.flatMap((e) => (e.clientId ? [e.clientId] : [])),
    );
    return page;
  }
}
