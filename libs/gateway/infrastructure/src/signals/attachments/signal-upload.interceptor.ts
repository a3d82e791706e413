import { type CallHandler, createParamDecorator, type ExecutionContext, HttpException, Injectable, type NestInterceptor, type Type } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { catchError, defer, from, type Observable, switchMap, throwError } from 'rxjs';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { CheckedFile } from './attachment-blobs.js';
import { nameAgrees, sniffAttachmentType } from './attachment-type.js';

/** Limits of a signal's attachments (ADR-0008 amendment): a phone photo or a scanned letter fits, a video does not. */
export const ATTACHMENT_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxFiles: 5, maxSignalJsonBytes: 64 * 1024 } as const;
// Multipart framing per part is well under 1 KiB; anything announcing more than this cannot be within the limits.
const MAX_REQUEST_BYTES = ATTACHMENT_LIMITS.maxFiles * (ATTACHMENT_LIMITS.maxFileBytes + 1024) + ATTACHMENT_LIMITS.maxSignalJsonBytes + 1024;

interface UploadRequest {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  files?: Record<string, { originalname: string; buffer: Buffer }[] | undefined>;
  signalFiles?: readonly CheckedFile[];
}

const tooLarge = () => new DomainError(SIGNALS_ERRORS.ATTACHMENT_TOO_LARGE, { field: 'files', limitBytes: ATTACHMENT_LIMITS.maxFileBytes }, 'attachment too large');
const tooMany = () => new DomainError(SIGNALS_ERRORS.ATTACHMENT_TOO_MANY, { field: 'files', maxFiles: ATTACHMENT_LIMITS.maxFiles }, 'too many attachments');

/** Multer's stable error codes (kept as the cause by Nest), never its messages, onto ours. */
function uploadError(e: unknown): unknown {
  if (!(e instanceof HttpException)) return e;
  const cause = e.cause as { code?: string; field?: string } | undefined;
  switch (cause?.code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge();
    case 'LIMIT_FILE_COUNT':
      return tooMany();
    case 'LIMIT_UNEXPECTED_FILE':
      return cause.field === 'files' ? tooMany() : new DomainError(PLATFORM_ERRORS.UNKNOWN_FIELD, { field: cause.field ?? 'unknown' }, 'unexpected file field');
    case 'LIMIT_FIELD_VALUE':
      return new DomainError(PLATFORM_ERRORS.BODY_TOO_LARGE, { field: cause.field ?? 'signal' }, 'field too long');
    default:
      return new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: cause?.field ?? 'body', reason: 'multipart' }, 'bad multipart body');
  }
}

/** The `signal` part as the JSON body the route's DTO validates, and the files checked by their content. */
function checkParts(request: UploadRequest): void {
  const fields = (request.body ?? {}) as Record<string, unknown>;
  const extra = Object.keys(fields).find((k) => k !== 'signal');
  if (extra !== undefined) throw new DomainError(PLATFORM_ERRORS.UNKNOWN_FIELD, { field: extra }, 'unexpected part');
  if (typeof fields['signal'] !== 'string') throw new DomainError(SIGNALS_ERRORS.MISSING_FIELD, { field: 'signal' }, 'no signal part');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fields['signal']);
  } catch {
    throw new DomainError(PLATFORM_ERRORS.MALFORMED_JSON, { field: 'signal' }, 'signal part is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'signal' }, 'signal part is not an object');
  }
  const uploaded = request.files?.['files'] ?? [];
  request.signalFiles = uploaded.map((file, index) => {
    const mediaType = sniffAttachmentType(file.buffer);
    const reason = !mediaType ? 'content' : !nameAgrees(file.originalname, mediaType) ? 'name_mismatch' : undefined;
    if (!mediaType || reason) throw new DomainError(SIGNALS_ERRORS.ATTACHMENT_TYPE, { field: `files[${index}]`, index, reason }, 'attachment type not allowed');
    return { fileName: file.originalname.slice(0, 255), mediaType, content: file.buffer };
  });
  request.body = parsed;
}

const Multer: Type<NestInterceptor> = FileFieldsInterceptor([{ name: 'files', maxCount: ATTACHMENT_LIMITS.maxFiles }], {
  // Browsers send file names as raw UTF-8 (Hungarian accents), not latin1.
  defParamCharset: 'utf8',
  limits: { fileSize: ATTACHMENT_LIMITS.maxFileBytes, files: ATTACHMENT_LIMITS.maxFiles, fields: 1, fieldSize: ATTACHMENT_LIMITS.maxSignalJsonBytes, parts: ATTACHMENT_LIMITS.maxFiles + 1 },
});

/**
 * A submission as `multipart/form-data` (the `signal` JSON part and up to five `files`), after authentication: limits
 * are enforced while the body streams in (a file over the limit is cut off, never buffered whole), types by content.
 * JSON submissions pass untouched. Any refusal happens before anything is stored.
 */
@Injectable()
export class SignalUploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const type = String(request.headers['content-type'] ?? '');
    if (!/^multipart\//i.test(type)) return next.handle();
    const announced = Number(request.headers['content-length']);
    if (Number.isFinite(announced) && announced > MAX_REQUEST_BYTES) throw tooLarge();
    // Only what fails while the body is read is multer's; later errors (the route's own) pass through untouched.
    let read = false;
    const handler: CallHandler = {
      handle: () =>
        defer(() => {
          read = true;
          checkParts(request);
          return next.handle();
        }),
    };
    return defer(() => from(this.multer.intercept(context, handler))).pipe(
      switchMap((o) => o),
      catchError((e: unknown) => throwError(() => (read ? e : uploadError(e)))),
    );
  }
}

/** The files of a multipart submission, already checked (none for a JSON submission). */
export const SignalFiles = createParamDecorator((_: unknown, context: ExecutionContext): readonly CheckedFile[] => context.switchToHttp().getRequest<UploadRequest>().signalFiles ?? []);
