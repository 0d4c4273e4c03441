import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import {
  sampleDocx,
  sampleEicar,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  sampleOdt,
  samplePdf,
  samplePng,
  sampleText,
  streamStartingWith,
} from '../../../test/support/upload-samples.js';
import { AppError } from '../errors/app-error.js';
import { createFailingStorage, createMemoryStorage } from '../storage/demo-storage.js';
import { receiveUpload, type UploadPolicy } from './receive-upload.js';
import { createDemoScanner, createFailingScanner, createNoScanner } from './scanners/demo-scanners.js';
import type { VirusScanner } from './scanners/virus-scanner.js';

const tenantId = '3a7e9c10-5b2d-4f8e-9c1a-2d3e4f5a6b7c';
const policy: UploadPolicy = { tenantId, purpose: 'draft-upload', field: 'nachweise', maxFileBytes: 100_000, allowedTypes: ['pdf', 'jpeg', 'png'] };

function setup(scanner: VirusScanner = createDemoScanner()) {
  const storage = createMemoryStorage();
  const logged: object[] = [];
  const log = { info: (o: object) => logged.push(o), warn: (o: object) => logged.push(o) };
  const receive = (content: Buffer | Readable, filename: string | undefined, overrides: Partial<UploadPolicy> = {}) =>
    receiveUpload({ storage, scanner, log }, { stream: Buffer.isBuffer(content) ? Readable.from([content]) : content, filename }, { ...policy, ...overrides });
  return { storage, receive, logged };
}

/** The AppError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('receiveUpload', () => {
  it('stores an allowed file under a generated key and reports size, type and SHA-256 of exactly those bytes', async () => {
    const { storage, receive } = setup();
    const pdf = samplePdf();
    const upload = await receive(pdf, 'C:\\Users\\bürger\\Gewerbe‐Anmeldung.pdf');
    expect(upload).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key: `${tenantId}/draft-upload/${upload.id}`,
      displayName: 'Gewerbe‐Anmeldung.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    expect(await buffer(await storage.get(upload.key))).toEqual(pdf);
  });

  it('recognises every allowed type by content', async () => {
    const { receive } = setup();
    const all: UploadPolicy['allowedTypes'] = ['pdf', 'png', 'jpeg', 'docx', 'odt', 'text'];
    const cases: [Buffer, string, string][] = [
      [samplePng(), 'foto.png', 'image/png'],
      [sampleJpeg(), 'foto.JPG', 'image/jpeg'],
      [sampleDocx(), 'antrag.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [sampleOdt(), 'antrag.odt', 'application/vnd.oasis.opendocument.text'],
      [sampleText(), 'notiz.txt', 'text/plain'],
      [samplePdf(), 'ohne Endung', 'application/pdf'],
    ];
    for (const [content, name, mediaType] of cases) {
      expect((await receive(content, name, { allowedTypes: all })).mediaType, name).toBe(mediaType);
    }
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413 naming the limit', async () => {
    const { storage, receive } = setup();
    const exact = samplePdf(100_000 - samplePdf().length);
    expect(exact.length).toBe(100_000);
    await receive(exact, 'genau.pdf');
    const error = await refusal(receive(samplePdf(100_001 - samplePdf().length), 'zu-gross.pdf'));
    expect(error.code).toBe('upload.too_large');
    expect(error.status).toBe(413);
    expect(error.fieldErrors).toEqual([
      {
        path: 'nachweise',
        message: {
          de: 'Die Datei „zu-gross.pdf“ ist zu groß. Erlaubt sind höchstens 97,7 KB je Datei.',
          en: 'The file "zu-gross.pdf" is too large. The maximum is 97.7 KB per file.',
        },
      },
    ]);
    expect(storage.keys()).toHaveLength(1);
  });

  it('refuses an endless file as soon as the limit is passed, without reading it whole', async () => {
    const { storage, receive } = setup();
    const endless = streamStartingWith(samplePdf(), Number.POSITIVE_INFINITY);
    const error = await refusal(receive(endless, 'endlos.pdf', { maxFileBytes: 1_000_000 }));
    expect(error.code).toBe('upload.too_large');
    expect(endless.pulled()).toBeLessThan(1_000_000 + 4 * 65_536);
    expect(storage.keys()).toEqual([]);
  });

  it('refuses by the application limit when less is left than the field allows', async () => {
    const { receive } = setup();
    const error = await refusal(receive(samplePdf(5_000), 'a.pdf', { application: { limitBytes: 50_000, usedBytes: 47_000 } }));
    expect(error.code).toBe('upload.total_too_large');
    expect(error.fieldErrors[0]?.message.de).toBe('Alle Dateien dieses Antrags zusammen dürfen höchstens 48,8 KB groß sein. Bitte entfernen Sie Dateien oder verkleinern Sie sie.');
  });

  it('refuses an .exe renamed to .pdf by its content, before reading it whole, naming the allowed types', async () => {
    const { storage, receive, logged } = setup();
    const exe = streamStartingWith(sampleExe(), 50_000_000);
    const error = await refusal(receive(exe, 'Rechnung.pdf', { maxFileBytes: 60_000_000 }));
    expect(error.code).toBe('upload.type_not_allowed');
    expect(error.status).toBe(415);
    expect(error.fieldErrors[0]?.message).toEqual({
      de: 'Die Datei „Rechnung.pdf“ hat keinen erlaubten Dateityp. Geprüft wird der Inhalt der Datei, nicht ihr Name. Erlaubt sind: PDF, JPEG oder PNG.',
      en: 'The file "Rechnung.pdf" is not of an allowed type. The content of the file is checked, not its name. Allowed: PDF, JPEG or PNG.',
    });
    expect(exe.pulled()).toBeLessThan(1_000_000);
    expect(storage.keys()).toEqual([]);
    expect(logged).toContainEqual(expect.objectContaining({ code: 'upload.type_not_allowed', found: 'exe', field: 'nachweise' }));
  });

  it('refuses HTML sent as an image, and HTML even where text is allowed', async () => {
    const { receive } = setup();
    expect((await refusal(receive(sampleHtml(), 'bild.png'))).code).toBe('upload.type_not_allowed');
    expect((await refusal(receive(sampleHtml(), 'notiz.txt', { allowedTypes: ['text'] }))).code).toBe('upload.type_not_allowed');
    expect((await refusal(receive(Buffer.from('  <svg onload=alert(1)>'), 'x.txt', { allowedTypes: ['text'] }))).code).toBe('upload.type_not_allowed');
  });

  it('refuses text that turns binary after the first bytes', async () => {
    const { receive } = setup();
    const content = Readable.from([Buffer.alloc(70_000, 0x61), Buffer.from([0x00, 0x01, 0x02])]);
    expect((await refusal(receive(content, 'a.txt', { allowedTypes: ['text'] }))).code).toBe('upload.type_not_allowed');
  });

  it('refuses an allowed type whose name claims another type', async () => {
    const { receive } = setup();
    const error = await refusal(receive(samplePng(), 'scan.pdf'));
    expect(error.code).toBe('upload.type_mismatch');
    expect(error.fieldErrors[0]?.message.de).toBe('Die Datei „scan.pdf“ ist dem Inhalt nach vom Typ PNG, ihr Name endet aber auf „.pdf“. Bitte benennen Sie die Datei passend um.');
    // A name ending that claims no type (a date) is fine.
    expect((await receive(samplePng(), 'Scan 12.03.2026')).mediaType).toBe('image/png');
  });

  it('refuses an empty file', async () => {
    const { receive } = setup();
    expect((await refusal(receive(Buffer.alloc(0), 'leer.pdf'))).code).toBe('upload.empty');
  });

  it('refuses EICAR with the demo scanner and stores nothing', async () => {
    const { storage, receive, logged } = setup(createDemoScanner());
    const error = await refusal(receive(sampleEicar(), 'eicar.txt', { allowedTypes: ['text'] }));
    expect(error.code).toBe('upload.infected');
    expect(error.status).toBe(422);
    expect(storage.keys()).toEqual([]);
    expect(logged).toContainEqual(expect.objectContaining({ code: 'upload.infected', signature: 'Eicar-Test-Signature' }));
  });

  it('fails closed with 503 when the scanner is unavailable, storing nothing', async () => {
    const { storage, receive } = setup(createFailingScanner());
    const error = await refusal(receive(samplePdf(), 'a.pdf'));
    expect(error.code).toBe('upload.scanner_unavailable');
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBe(60);
    expect(storage.keys()).toEqual([]);
  });

  it('reports an unavailable storage as 503', async () => {
    const error = await refusal(
      receiveUpload({ storage: createFailingStorage(), scanner: createNoScanner() }, { stream: Readable.from([samplePdf()]), filename: 'a.pdf' }, policy),
    );
    expect(error.code).toBe('upload.storage_unavailable');
    expect(error.status).toBe(503);
  });

  it('treats a file cut by the multipart parser as too large', async () => {
    const { storage } = setup();
    const error = await refusal(
      receiveUpload({ storage, scanner: createNoScanner() }, { stream: Readable.from([samplePdf()]), filename: 'a.pdf', truncated: () => true }, policy),
    );
    expect(error.code).toBe('upload.too_large');
    expect(storage.keys()).toEqual([]);
  });
});
