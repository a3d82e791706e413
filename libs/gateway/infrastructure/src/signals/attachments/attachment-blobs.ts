import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { AttachmentMediaType, AttachmentUpload } from '@kapocs/signals/contracts';
import { quoteIdent } from '@kapocs/platform/postgres';

const IV_BYTES = 12;
const TAG_BYTES = 16;
// The blob is bound to its id, so a ciphertext cannot be swapped under another attachment's key.
const aad = (attachmentId: string): Buffer => Buffer.from(`kapocs-attachment:${attachmentId}`, 'utf8');

/** A file that passed the size and type checks, not yet stored. */
export interface CheckedFile {
  readonly fileName: string;
  readonly mediaType: AttachmentMediaType;
  readonly content: Buffer;
}

/** Encrypts a file under a fresh AES-256-GCM key; the key and the plaintext's SHA-256 go into the signal's event. */
export function sealAttachment(file: CheckedFile): { upload: AttachmentUpload; blob: Buffer } {
  const attachmentId = randomUUID();
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(attachmentId));
  const ct = Buffer.concat([cipher.update(file.content), cipher.final()]);
  const upload: AttachmentUpload = {
    attachmentId,
    mediaType: file.mediaType,
    size: file.content.length,
    fileName: file.fileName,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    key: key.toString('base64'),
  };
  return { upload, blob: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
}

/** The plaintext, or undefined when the key or the hash does not match (a tampered or foreign blob). */
export function openAttachment(attachmentId: string, keyBase64: string, sha256: string, blob: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), blob.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(attachmentId));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return createHash('sha256').update(plain).digest('hex') === sha256 ? plain : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encrypted attachment blobs in the gateway's schema: ciphertext only. The keys live in the signal's personal data
 * (signals' events), so this table alone reveals nothing, and shredding the signal's subject leaves it unreadable.
 */
export class AttachmentBlobStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.signal_attachment_blobs`;
  }

  async put(blobs: readonly { attachmentId: string; blob: Buffer }[]): Promise<void> {
    if (blobs.length === 0) return;
    const values = blobs.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    await this.pool.query(`INSERT INTO ${this.table} (attachment_id, blob) VALUES ${values}`, blobs.flatMap((b) => [b.attachmentId, b.blob]));
  }

  async get(attachmentId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ blob: Buffer }>(`SELECT blob FROM ${this.table} WHERE attachment_id = $1`, [attachmentId]);
    return rows[0]?.blob;
  }

  async delete(attachmentIds: readonly string[]): Promise<void> {
    if (attachmentIds.length > 0) await this.pool.query(`DELETE FROM ${this.table} WHERE attachment_id = ANY($1::text[])`, [attachmentIds]);
  }
}
