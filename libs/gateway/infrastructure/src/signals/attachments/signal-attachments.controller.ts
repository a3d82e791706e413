import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AttachmentInfo, type AttachmentSummary, SIGNALS_ERRORS, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { AuditRead, CurrentActor, Reads, Roles, Scoped } from '@kapocs/platform/auth';
import { type Actor, DomainError } from '@kapocs/shared/kernel';
import { CorrelationId } from '../../http/correlation.js';
import { RpcGateway } from '../../rpc/rpc-gateway.js';
import { SIGNAL_STAFF } from '../signals-roles.js';
import { AttachmentBlobStore, openAttachment } from './attachment-blobs.js';

const STAFF = 'settlements/:settlement/signals/:signalId/attachments';
const MEMBER = 'organisations/:organisation/signals/:signalId/attachments';
const AUDIT_LIST = { subjectParam: 'signalId', purpose: 'signal-attachments', districtParam: 'district' } as const;
const AUDIT_FILE = { subjectParam: 'signalId', purpose: 'signal-attachment', districtParam: 'district', action: 'download' } as const;

/** RFC 6266 / 5987: the original name for the save dialog, percent-encoded so no header injection is possible. */
const disposition = (name: string): string => `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(name || 'attachment')}`;

/**
 * A signal's documents and images: staff of the signal's settlement and the organisation that submitted it. The
 * service decides who may (anyone else gets "not found"), hands over the blob's key, and the bytes are decrypted
 * here; every read is audited before anything leaves.
 */
@ApiTags('signals')
@ApiBearerAuth()
@Scoped()
@Reads('personal')
@Controller('districts/:district')
export class SignalAttachmentsController {
  constructor(
    private readonly rpc: RpcGateway,
    private readonly blobs: AttachmentBlobStore,
  ) {}

  private async infos(actor: Actor, query: Record<string, string | undefined>, correlationId: string): Promise<AttachmentInfo[]> {
    return this.rpc.call<AttachmentInfo[]>(SIGNALS_SUBJECTS.attachments, actor, query, { correlationId, purpose: 'signal-attachment' });
  }

  private async file(actor: Actor, query: Record<string, string>, correlationId: string): Promise<StreamableFile> {
    const [info] = await this.infos(actor, query, correlationId);
    const blob = info?.key ? await this.blobs.get(info.attachmentId) : undefined;
    const content = info?.key && blob ? openAttachment(info.attachmentId, info.key, info.sha256, blob) : undefined;
    if (!info || !content) throw new DomainError(SIGNALS_ERRORS.ATTACHMENT_NOT_FOUND, { attachmentId: query['attachmentId'] }, 'attachment not found');
    return new StreamableFile(content, { type: info.mediaType, disposition: disposition(info.fileName), length: content.length });
  }

  private static summaries(infos: readonly AttachmentInfo[]): (AttachmentSummary & { sha256: string })[] {
    return infos.map(({ attachmentId, fileName, mediaType, size, sha256 }) => ({ attachmentId, fileName, mediaType, size, sha256 }));
  }

  @Get(STAFF)
  @Roles(...SIGNAL_STAFF)
  @AuditRead(AUDIT_LIST)
  async staffList(@Param('district') district: string, @Param('settlement') settlement: string, @Param('signalId') signalId: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return SignalAttachmentsController.summaries(await this.infos(actor, { district, settlement, signalId }, c));
  }

  @Get(`${STAFF}/:attachmentId`)
  @Roles(...SIGNAL_STAFF)
  @AuditRead(AUDIT_FILE)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  staffFile(
    @Param('district') district: string,
    @Param('settlement') settlement: string,
    @Param('signalId') signalId: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StreamableFile> {
    return this.file(actor, { district, settlement, signalId, attachmentId }, c);
  }

  @Get(MEMBER)
  @Roles('signal_member')
  @AuditRead(AUDIT_LIST)
  async memberList(@Param('district') district: string, @Param('organisation') organisationId: string, @Param('signalId') signalId: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return SignalAttachmentsController.summaries(await this.infos(actor, { district, organisationId, signalId }, c));
  }

  @Get(`${MEMBER}/:attachmentId`)
  @Roles('signal_member')
  @AuditRead(AUDIT_FILE)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  memberFile(
    @Param('district') district: string,
    @Param('organisation') organisationId: string,
    @Param('signalId') signalId: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StreamableFile> {
    return this.file(actor, { district, organisationId, signalId, attachmentId }, c);
  }
}
