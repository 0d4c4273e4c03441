/**
 * The upload path end to end through the real app (createApp) with a test-only route that
 * uses readUploadForm and sendStoredFile the way the form runner will.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOUNDARY, MULTIPART_CONTENT_TYPE, multipartBody, partHead, type FormPart } from '../../../test/support/multipart-body.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { sampleEicar, sampleExe, sampleHtml, samplePdf } from '../../../test/support/upload-samples.js';
import { csrfTokenFor } from '../http/csrf.js';
import { createMemoryStorage } from '../storage/demo-storage.js';
import { readUploadForm, type ReceivedFile } from './multipart.js';
import { createDemoScanner, createFailingScanner } from './scanners/demo-scanners.js';
import type { VirusScanner } from './scanners/virus-scanner.js';
import { sendStoredFile } from './send-stored-file.js';

const tenantId = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const MAX_FILE = 1_000_000;
const anon = 'Zm9yLXRlc3RzLW9ubHktYW5vbi1jb29raWU';

const storage = createMemoryStorage();
/** The scanner the route uses; tests switch between demo and failing-demo. */
let scanner: VirusScanner = createDemoScanner();
const switchableScanner: VirusScanner = { id: 'switchable', scan: (c) => scanner.scan(c), selfCheck: () => scanner.selfCheck() };
const received = new Map<string, ReceivedFile>();

let ctx: TestContext;
let csrf: string;

beforeAll(async () => {
  ctx = await createTestContext({
    storage,
    scanner: switchableScanner,
    routes: (app, { secret }) => {
      app.post('/test/uploads', { config: { csrf: false } }, async (request) => {
        const form = await readUploadForm(
          request,
          { storage, scanner: switchableScanner, log: request.log },
          {
            tenantId,
            purpose: 'draft-upload',
            fileFields: { nachweis: { maxFileBytes: MAX_FILE, allowedTypes: ['pdf', 'png', 'jpeg', 'text'], maxFiles: 2 } },
            application: { limitBytes: 3 * MAX_FILE, usedBytes: 0 },
            csrfSecret: secret,
          },
        );
        for (const f of form.files) received.set(f.id, f);
        return { fields: form.fields, files: form.files };
      });
      app.get('/test/files/:id', async (request, reply) => {
        const file = received.get((request.params as { id: string }).id);
        if (!file) return reply.code(404).send();
        return sendStoredFile(reply, storage, file, { inline: (request.query as { inline?: string }).inline === '1' });
      });
    },
  });
  csrf = csrfTokenFor(ctx.secret, `anon:${anon}`);
});

afterAll(async () => {
  await ctx.close();
});

beforeEach(async () => {
  scanner = createDemoScanner();
  for (const key of storage.keys()) await storage.delete(key);
  received.clear();
});

function post(parts: FormPart[], headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: 'POST',
    url: '/test/uploads',
    payload: multipartBody(parts),
    headers: { 'content-type': MULTIPART_CONTENT_TYPE, cookie: `rc_anon=${anon}`, accept: 'application/json', ...headers },
  });
}

const file = (filename: string, content: Buffer, contentType = 'application/pdf'): FormPart => ({ name: 'nachweis', filename, content, contentType });
const token = (): FormPart => ({ name: '_csrf', value: csrf });

describe('uploads through the app', () => {
  it('accepts a PDF and serves back identical bytes (same SHA-256) with safe download headers', async () => {
    const pdf = samplePdf(5000);
    const res = await post([token(), { name: 'bemerkung', value: 'Grüße' }, file('Gewerbe Anmeldung.pdf', pdf)]);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { fields: Record<string, string[]>; files: ReceivedFile[] };
    expect(body.fields).toEqual({ bemerkung: ['Grüße'] });
    const [stored] = body.files;
    expect(stored).toMatchObject({ field: 'nachweis', displayName: 'Gewerbe Anmeldung.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(stored!.key).toBe(`${tenantId}/draft-upload/${stored!.id}`);
    expect(stored!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const download = await ctx.app.inject({ method: 'GET', url: `/test/files/${stored!.id}` });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(stored!.sha256);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Gewerbe Anmeldung.pdf"; filename*=UTF-8''Gewerbe%20Anmeldung.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toMatch(/^default-src 'none'.*; sandbox$/);
    expect(download.headers['cache-control']).toBe('private, no-store');

    const inline = await ctx.app.inject({ method: 'GET', url: `/test/files/${stored!.id}?inline=1` });
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('refuses an .exe renamed to .pdf with 415 and a message naming the allowed types; nothing stored', async () => {
    const res = await post([token(), file('Rechnung.pdf', sampleExe())]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      type: 'urn:rathaus:error:upload.type_not_allowed',
      title: 'Dieser Dateityp wird nicht angenommen.',
      errors: [{ path: 'nachweis', detail: expect.stringContaining('Erlaubt sind: PDF, PNG, JPEG oder Textdatei (TXT).') }],
    });
    expect(storage.keys()).toEqual([]);
  });

  it('refuses HTML sent as image/png', async () => {
    const res = await post([token(), file('bild.png', sampleHtml(), 'image/png')]);
    expect(res.statusCode).toBe(415);
    expect(storage.keys()).toEqual([]);
  });

  it('refuses a file one byte over the field limit with 413 and stores nothing; exactly the limit passes', async () => {
    const over = await post([token(), file('gross.pdf', samplePdf(MAX_FILE + 1 - samplePdf().length))]);
    expect(over.statusCode).toBe(413);
    expect((over.json() as { type: string }).type).toBe('urn:rathaus:error:upload.too_large');
    expect(storage.keys()).toEqual([]);
    const exact = await post([token(), file('genau.pdf', samplePdf(MAX_FILE - samplePdf().length))]);
    expect(exact.statusCode).toBe(200);
  });

  it('refuses EICAR with the demo scanner (422) and stores nothing', async () => {
    const res = await post([token(), file('eicar.txt', sampleEicar(), 'text/plain')]);
    expect(res.statusCode).toBe(422);
    expect((res.json() as { type: string }).type).toBe('urn:rathaus:error:upload.infected');
    expect(storage.keys()).toEqual([]);
  });

  it('fails closed with 503 and Retry-After when the scanner is unavailable', async () => {
    scanner = createFailingScanner();
    const res = await post([token(), file('a.pdf', samplePdf())]);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('60');
    expect((res.json() as { type: string }).type).toBe('urn:rathaus:error:upload.scanner_unavailable');
    expect(storage.keys()).toEqual([]);
  });

  it('removes files stored earlier in the same request when a later one is refused', async () => {
    const res = await post([token(), file('gut.pdf', samplePdf()), file('boese.pdf', sampleExe())]);
    expect(res.statusCode).toBe(415);
    expect(storage.keys()).toEqual([]);
  });

  it('sanitises file names (T16) and stores under generated ids only', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['Rechnung\u202Efdp.exe.pdf', 'Rechnungfdp.exe.pdf'],
      ['Gewerbe\u0000anmeldung.pdf', 'Gewerbeanmeldung.pdf'],
      [`${'Ä'.repeat(300)}.pdf`, `${'Ä'.repeat(196)}.pdf`],
    ];
    for (const [sent, shown] of names) {
      const res = await post([token(), file(sent, samplePdf())]);
      expect(res.statusCode, sent).toBe(200);
      const [stored] = (res.json() as { files: ReceivedFile[] }).files;
      expect(stored!.displayName).toBe(shown);
      expect(stored!.key).toMatch(new RegExp(`^${tenantId}/draft-upload/[0-9a-f-]{36}$`));
      const download = await ctx.app.inject({ method: 'GET', url: `/test/files/${stored!.id}` });
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(shown)}`);
    }
  });

  it('skips an empty file input and refuses more files than the field takes', async () => {
    const empty = await post([token(), file('', Buffer.alloc(0))]);
    expect(empty.statusCode).toBe(200);
    expect((empty.json() as { files: unknown[] }).files).toEqual([]);
    const tooMany = await post([token(), file('a.pdf', samplePdf()), file('b.pdf', samplePdf()), file('c.pdf', samplePdf())]);
    expect(tooMany.statusCode).toBe(400);
    expect((tooMany.json() as { type: string }).type).toBe('urn:rathaus:error:upload.too_many_files');
    expect(storage.keys()).toEqual([]);
  });

  it('refuses a file before the CSRF token, a wrong token and a cross-site request (403), storing nothing', async () => {
    expect((await post([file('a.pdf', samplePdf()), token()])).statusCode).toBe(403);
    expect((await post([{ name: '_csrf', value: 'falsch' }, file('a.pdf', samplePdf())])).statusCode).toBe(403);
    expect((await post([token(), file('a.pdf', samplePdf())], { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post([{ name: 'x', value: 'y' }])).statusCode).toBe(403);
    expect(storage.keys()).toEqual([]);
  });
});

/** Opens a raw connection to the listening app and sends the request head. */
async function rawRequest(port: number, head: string) {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => {}); // the server may stop reading and reset once it has answered
  let response = '';
  let sent = 0;
  let sentWhenAnswered: number | undefined;
  const answered = new Promise<void>((resolve) => {
    socket.on('data', (d: Buffer) => {
      response += d.toString('latin1');
      if (sentWhenAnswered === undefined && response.includes('\r\n\r\n')) {
        sentWhenAnswered = sent;
        resolve();
      }
    });
    socket.on('close', () => resolve());
  });
  socket.write(head);
  return {
    socket,
    answered,
    /** Sends one chunk of a chunked body; resolves when the socket can take more or the answer is in. */
    async sendChunk(data: Buffer) {
      socket.write(`${data.length.toString(16)}\r\n`);
      socket.write(data);
      sent += data.length;
      if (!socket.write('\r\n')) await Promise.race([once(socket, 'drain'), answered]);
    },
    result: () => ({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]), sent, sentWhenAnswered }),
  };
}

describe('uploads over a real connection', () => {
  let port: number;
  beforeAll(async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    port = (ctx.app.server.address() as AddressInfo).port;
  });

  const head = (extra: string) =>
    `POST /test/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
    `Cookie: rc_anon=${anon}\r\nAccept: application/json\r\n${extra}\r\n`;

  it('answers 413 while a huge file is still being sent, long before its end (the body is never read whole)', async () => {
    const planned = 512 * 1024 * 1024;
    const client = await rawRequest(port, head('Transfer-Encoding: chunked\r\n'));
    await client.sendChunk(Buffer.concat([partHead(token()), Buffer.from(csrf), Buffer.from('\r\n'), partHead(file('riesig.pdf', Buffer.alloc(0))), samplePdf()]));
    const filler = Buffer.alloc(256 * 1024, 0x2e);
    let answered = false;
    void client.answered.then(() => (answered = true));
    while (!answered && client.result().sent < planned) await client.sendChunk(filler);
    await client.answered;
    client.socket.destroy();
    const { status, sentWhenAnswered } = client.result();
    expect(status).toBe(413);
    // Kernel socket buffers and the bounded discard let some megabytes through; nowhere near the whole file.
    expect(sentWhenAnswered).toBeLessThan(64 * 1024 * 1024);
    expect(storage.keys()).toEqual([]);
  });

  it('refuses by Content-Length alone when the declared body exceeds the application limit, without any body sent', async () => {
    const client = await rawRequest(port, head(`Content-Length: ${200 * 1024 * 1024}\r\n`));
    await client.answered;
    client.socket.destroy();
    expect(client.result()).toMatchObject({ status: 413, sent: 0 });
  });

  it('keeps the connection usable after a refusal whose rest was small', async () => {
    const body = multipartBody([token(), file('gross.pdf', samplePdf(MAX_FILE + 10))]);
    const client = await rawRequest(port, head(`Content-Length: ${body.length}\r\n`));
    client.socket.write(body);
    await client.answered;
    expect(client.result().status).toBe(413);
    // The same connection carries the next request.
    const second = new Promise<string>((resolve) => {
      let text = '';
      client.socket.on('data', (d: Buffer) => {
        text += d.toString('latin1');
        if (/HTTP\/1\.1 404/.test(text)) resolve(text);
      });
    });
    client.socket.write(`GET /test/files/unknown HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(await second).toMatch(/^HTTP\/1\.1 404/);
    client.socket.destroy();
  });
});
