import { Controller, Get, Inject, Param, Query, StreamableFile, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  PROJECTOR_SUBJECTS,
  type ContactLogExportEntry,
  type ContactLogExportPage,
  type RegisterRow,
  type RegisterRowsPage,
} from '@kapocs/projector/contracts';
import { AuditLog, CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import type { Actor, DistrictCode } from '@kapocs/shared/kernel';
import { CorrelationId } from '../http/correlation.js';
import { RpcGateway } from '../rpc/rpc-gateway.js';
import { CONTACT_LOG_HEADINGS, REGISTER_HEADINGS, contactLogCells, registerCells } from './export/columns.js';
import { exportEntryOf } from './export/contact-log-layout.js';
import { ContactLogPdf, warmContactLogPdf } from './export/contact-log.pdf.js';
import { toCsv, toXlsx } from './export/tabular.js';
import { periodOf, RECORD_READERS } from './records.controller.js';
import { ContactLogExportParams, RegisterExportParams } from './records.dto.js';

const TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const file = (body: Buffer, format: keyof typeof TYPES, name: string): StreamableFile =>
  new StreamableFile(body, { type: TYPES[format], disposition: `attachment; filename="${name}.${format}"`, length: body.length });

/**
 * Exports of the forgalmi napló (PDF like the legal form, CSV, XLSX) and the register (CSV, XLSX). Rendered here from
 * pages of rows, because a year of a busy site is far above the 1 MB NATS message limit: the projector cuts each page
 * at ~512 KB of JSON and gives a cursor on, and this pages until there is none. Every data subject in an export gets
 * an audit record (one statement for all of them) before the file leaves (Szt. 22 inspection right).
 */
@ApiTags('records')
@ApiBearerAuth()
@Scoped()
@Roles(...RECORD_READERS)
@Reads('personal')
@Controller('districts/:district')
export class RecordsExportController implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  onApplicationBootstrap(): void {
    warmContactLogPdf();
  }

  @Get('settlements/:settlement/contact-log/export')
  @ApiProduces(TYPES.pdf, TYPES.csv, TYPES.xlsx)
  async contactLog(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Query() query: ContactLogExportParams,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<StreamableFile> {
    const period = periodOf(query);
    const pageAfter = (afterSerial?: number, after?: string): Promise<ContactLogExportPage> =>
      this.rpc.call<ContactLogExportPage>(
        PROJECTOR_SUBJECTS.contactLogExport,
        actor,
        { district, settlement, period, ...(after ? { after } : {}), ...(afterSerial ? { afterSerial } : {}) },
        { purpose: 'contact-log-export', correlationId },
      );
    const label = Object.values(period)[0] as string;
    const name = `forgalmi-naplo-${settlement}-${label}`;
    const siteName = loadGazetteer().settlement(settlement)?.name;
    const pdf =
      query.format === 'pdf'
        ? new ContactLogPdf({
            site: siteName ? `${siteName} (${settlement})` : settlement,
            district,
            period: label,
            printedAt: new Date().toISOString().slice(0, 10),
          })
        : undefined;
    const entries: ContactLogExportEntry[] = [];
    try {
      let page = await pageAfter(undefined, query.after);
      for (;;) {
        // The next page is asked for before this one is decoded (or handed to a render thread), so PostgreSQL reads
        // it meanwhile.
        const next = page.nextSerial !== undefined ? pageAfter(page.nextSerial) : undefined;
        // Awaited below; until then a failure must not count as unhandled (were the decoding to throw first).
        next?.catch(() => undefined);
        if (pdf) pdf.add(page.rows);
        else for (const row of JSON.parse(page.rows) as unknown[][]) entries.push(exportEntryOf(row));
        if (!next) break;
        page = await next;
      }
    } catch (e) {
      pdf?.abort();
      throw e;
    }
    if (pdf) {
      const { pdf: body, clientIds } = await pdf.finish();
      await this.auditAll(actor, district, clientIds, 'contact-log-export', correlationId);
      return file(body, 'pdf', name);
    }
    const subjects = entries.flatMap((e) => (e.clientId ? [e.clientId] : []));
    await this.auditAll(actor, district, subjects, 'contact-log-export', correlationId);
    const rows = entries.map(contactLogCells);
    if (query.format === 'csv') return file(toCsv(CONTACT_LOG_HEADINGS, rows), 'csv', name);
    return file(await toXlsx('Forgalmi napló', `Forgalmi napló · ${settlement} · ${label}`, CONTACT_LOG_HEADINGS, rows), 'xlsx', name);
  }

  @Get('register/export')
  @ApiProduces(TYPES.csv, TYPES.xlsx)
  async register(
    @Param('district') district: string,
    @Query() query: RegisterExportParams,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<StreamableFile> {
    const rows: RegisterRow[] = [];
    let cursor: string | undefined;
    let after = query.after;
    do {
      const payload = { district, ...(query.settlement ? { settlement: query.settlement } : {}), ...(after ? { after } : {}), ...(cursor ? { cursor } : {}) };
      const page = await this.rpc.call<RegisterRowsPage>(PROJECTOR_SUBJECTS.registerRows, actor, payload, {
        purpose: 'register-export',
        correlationId,
      });
      rows.push(...page.rows);
      cursor = page.nextCursor;
      after = undefined;
    } while (cursor !== undefined);
    await this.auditAll(actor, district, rows.map((r) => r.clientId), 'register-export', correlationId);
    const name = `nyilvantartas-${district}${query.settlement ? `-${query.settlement}` : ''}`;
    const cells = rows.map(registerCells);
    if (query.format === 'csv') return file(toCsv(REGISTER_HEADINGS, cells), 'csv', name);
    return file(await toXlsx('Nyilvántartás', `Nyilvántartás · ${district}`, REGISTER_HEADINGS, cells), 'xlsx', name);
  }

  private async auditAll(actor: Actor, district: string, subjects: readonly string[], purpose: string, correlationId: string): Promise<void> {
    await this.audit.recordMany({ actor, district: district as DistrictCode, action: 'export', purpose, correlationId }, subjects);
  }

}
