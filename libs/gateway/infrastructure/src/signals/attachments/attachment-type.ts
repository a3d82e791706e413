import type { AttachmentMediaType } from '@kapocs/signals/contracts';

const startsWith = (b: Buffer, bytes: readonly number[], at = 0): boolean => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ODT = 'application/vnd.oasis.opendocument.text';

/** The entry names of a ZIP's central directory, or undefined when the structure does not hold together. */
export function zipEntryNames(b: Buffer): string[] | undefined {
  // The end record is in the last 22 + 65535 (comment) bytes.
  const from = Math.max(0, b.length - 22 - 0xffff);
  let end = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== ZIP_CENTRAL) return undefined;
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    if (at + 46 + nameLength > b.length) return undefined;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** ODF packages begin with the uncompressed `mimetype` entry (ODF 1.2 part 3, §3.3), readable at a fixed offset. */
function isOdt(b: Buffer): boolean {
  if (!startsWith(b, ZIP_LOCAL) || b.length < 30) return false;
  const nameLength = b.readUInt16LE(26);
  const extra = b.readUInt16LE(28);
  const method = b.readUInt16LE(8);
  if (method !== 0 || b.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return false;
  const at = 30 + nameLength + extra;
  return b.toString('latin1', at, at + ODT.length) === ODT && zipEntryNames(b)?.includes('content.xml') === true;
}

/** A Word document without macros: its parts say so, whatever the file is called (a .docm renamed .docx is refused). */
function isDocx(b: Buffer): boolean {
  if (!startsWith(b, ZIP_LOCAL)) return false;
  const names = zipEntryNames(b);
  return !!names && names.includes('[Content_Types].xml') && names.includes('word/document.xml') && !names.some((n) => /vbaProject\.bin$/i.test(n));
}

const EXTENSIONS: Readonly<Record<AttachmentMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

/**
 * Whether a file name's extension (if it has one) agrees with the type its content shows. The name never makes a
 * file acceptable; a disguised one (`lelet.pdf` holding a PNG) is refused, as a mismatch is how tricks start.
 */
export function nameAgrees(fileName: string, mediaType: AttachmentMediaType): boolean {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return !match?.[1] || EXTENSIONS[mediaType].includes(match[1].toLowerCase());
}

/**
 * What an uploaded file is, from its bytes alone (magic numbers and structure); never its name or declared type.
 * Undefined for anything else — executables, archives, HTML, SVG (scriptable), empty files.
 */
export function sniffAttachmentType(b: Buffer): AttachmentMediaType | undefined {
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0xff, 0xd8, 0xff]) && b.length > 4) return 'image/jpeg';
  if (startsWith(b, PNG) && startsWith(b, ascii('IHDR'), 12)) return 'image/png';
  if (isOdt(b)) return ODT;
  if (isDocx(b)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return undefined;
}
