import { SIGNALS_SUBJECTS, type SubmitSignalPayload, type SubmitSignalReply } from '@kapocs/signals/contracts';
import { type Actor, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { RpcGateway } from '../../rpc/rpc-gateway.js';
import { type AttachmentBlobStore, type CheckedFile, sealAttachment } from './attachment-blobs.js';

/**
 * Stores the encrypted blobs, then submits the signal naming them. A refused submission removes its blobs, and a
 * retry (the same signal id) keeps only the first submission's; a timeout keeps them, as the signal may exist.
 */
export async function submitWithFiles(
  rpc: RpcGateway,
  blobs: AttachmentBlobStore,
  actor: Actor,
  payload: SubmitSignalPayload,
  files: readonly CheckedFile[],
  correlationId: string,
): Promise<SubmitSignalReply> {
  if (files.length === 0) return rpc.call(SIGNALS_SUBJECTS.submit, actor, payload, { correlationId });
  const sealed = files.map(sealAttachment);
  const ids = sealed.map((s) => s.upload.attachmentId);
  await blobs.put(sealed.map((s) => ({ attachmentId: s.upload.attachmentId, blob: s.blob })));
  let reply: SubmitSignalReply;
  try {
    reply = await rpc.call<SubmitSignalReply>(SIGNALS_SUBJECTS.submit, actor, { ...payload, attachments: sealed.map((s) => s.upload) }, { correlationId });
  } catch (e) {
    if (!(e instanceof DomainError && e.code === PLATFORM_ERRORS.TIMEOUT)) await blobs.delete(ids);
    throw e;
  }
  const kept = new Set((reply.attachments ?? []).map((a) => a.attachmentId));
  await blobs.delete(ids.filter((id) => !kept.has(id)));
  return reply;
}
