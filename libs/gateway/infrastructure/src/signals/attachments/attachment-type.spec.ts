import { crc32 } from 'node:zlib';
import { nameAgrees, sniffAttachmentType, zipEntryNames } from './attachment-type.js';

/** A stored (uncompressed) ZIP of the given entries, enough for the structure checks. */
function storedZip(entries: readonly [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SAMPLES = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(20)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]),
  docx: storedZip([
    ['[Content_Types].xml', '<Types/>'],
    ['word/document.xml', '<w:document/>'],
  ]),
  odt: storedZip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<office:document-content/>'],
  ]),
};

describe('attachment types by content', () => {
  it('recognises the allowed documents and images from their bytes', () => {
    expect(sniffAttachmentType(SAMPLES.pdf)).toBe('application/pdf');
    expect(sniffAttachmentType(SAMPLES.png)).toBe('image/png');
    expect(sniffAttachmentType(SAMPLES.jpeg)).toBe('image/jpeg');
    expect(sniffAttachmentType(SAMPLES.docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffAttachmentType(SAMPLES.odt)).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses executables, macro documents, other archives, markup and empty files', () => {
    expect(sniffAttachmentType(SAMPLES.exe)).toBeUndefined();
    expect(sniffAttachmentType(storedZip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w/>'], ['word/vbaProject.bin', 'x']]))).toBeUndefined();
    expect(sniffAttachmentType(storedZip([['payload.exe', 'MZ']]))).toBeUndefined();
    expect(sniffAttachmentType(Buffer.from('<svg onload="alert(1)"/>'))).toBeUndefined();
    expect(sniffAttachmentType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
  });

  it('reads a ZIP’s entry names from its central directory, and gives up on a broken one', () => {
    expect(zipEntryNames(SAMPLES.docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntryNames(SAMPLES.docx.subarray(0, SAMPLES.docx.length - 30))).toBeUndefined();
  });

  it('never accepts by name, but refuses a name that claims another type than the content', () => {
    expect(nameAgrees('lelet.pdf', 'application/pdf')).toBe(true);
    expect(nameAgrees('FOTO.JPG', 'image/jpeg')).toBe(true);
    expect(nameAgrees('scan', 'image/png')).toBe(true);
    expect(nameAgrees('lelet.pdf', 'image/png')).toBe(false);
    expect(nameAgrees('kep.png.exe', 'image/png')).toBe(false);
  });
});
