/**
 * Small real files of each upload type, built in code (no binary fixtures), and streams of
 * any length that start like a given type, for limit tests that must not hold a file in memory.
 */
import { crc32 } from 'node:zlib';
import { Readable } from 'node:stream';
import { EICAR_TEST_STRING } from '../../src/platform/uploads/scanners/demo-scanners.js';

/** A minimal one-page PDF. */
export function samplePdf(padding = 0): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${'.'.repeat(padding)}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A 1×1 PNG. */
export const samplePng = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The start of a JFIF JPEG (enough for the magic-byte check). */
export const sampleJpeg = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.alloc(200, 0x20), Buffer.from([0xff, 0xd9])]);

/** A Windows executable header (MZ … PE). */
export const sampleExe = (size = 4096): Buffer => {
  const b = Buffer.alloc(size);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
};

/** An HTML page with a script, the kind that must never pass as an image or text. */
export const sampleHtml = (): Buffer => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

/** A German plain-text letter with umlauts. */
export const sampleText = (): Buffer => Buffer.from('Sehr geehrte Damen und Herren,\nanbei die Unterlagen zur Gewerbeanmeldung.\nGrüße aus Wurzen\n');

/** The EICAR anti-virus test file. */
export const sampleEicar = (): Buffer => Buffer.from(EICAR_TEST_STRING, 'latin1');

/** A ZIP with stored (uncompressed) entries, enough to build DOCX and ODT containers. */
export function storedZip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
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

/** A minimal DOCX (Office Open XML word-processing package). */
export const sampleDocx = (): Buffer =>
  storedZip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hallo</w:t></w:r></w:p></w:body></w:document>'],
  ]);

/** A minimal ODT (OpenDocument text; the `mimetype` entry comes first, uncompressed, as ODF requires). */
export const sampleOdt = (): Buffer =>
  storedZip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
  ]);

/**
 * A stream of `total` bytes (Infinity: endless) that begins with `start`; `pulled()` tells how
 * much the consumer actually read, to prove a refusal came before the whole file was read.
 */
export function streamStartingWith(start: Buffer, total: number): Readable & { pulled(): number } {
  let produced = 0;
  const filler = Buffer.alloc(65_536, 0x2e);
  const stream = new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const chunk = produced === 0 ? start : filler.subarray(0, Math.min(filler.length, total - produced));
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return Object.assign(stream, { pulled: () => produced });
}
