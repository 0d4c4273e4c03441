import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocumentServices } from '../../../test/fixtures/documents/test-templates.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { MULTIPART_CONTENT_TYPE, multipartBody } from '../../../test/support/multipart-body.js';
import { createTestContext, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import type { CaseDocument } from './document-queries.js';
import { generateCaseDocument, type DocumentServices } from './generate-document.js';
import { revokeDocument } from './release-document.js';
import { formatShortCode } from './short-code.js';

describe('public verification page', () => {
  let ctx: TestContext;
  let services: DocumentServices;
  const storage = createMemoryStorage();
  let wurzen: string;

  beforeAll(async () => {
    ctx = await createTestContext({ storage });
    services = testDocumentServices(ctx.db, { storage });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  let address = 0;
  /** A GET from its own client address unless given, so one test's lookups do not count against another's limit. */
  const view = (url: string, remoteAddress = `198.51.100.${++address}`) => ctx.app.inject({ method: 'GET', url, remoteAddress });

  async function issued(release = true, data: Record<string, unknown> = { betrag: 4200 }): Promise<CaseDocument> {
    const caseId = await insertTestCase(ctx.db, wurzen, { applicantName: 'Jörg Müßig', data });
    return (await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice', release })).document;
  }
  async function pdfOf(doc: CaseDocument): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(doc.storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  async function upload(code: string, file: { filename: string; content: Buffer } | undefined, remoteAddress: string, withToken = true) {
    const page = await ctx.app.inject({ method: 'GET', url: `/verify/${code}`, remoteAddress });
    const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
    const parts = [...(withToken ? [{ name: '_csrf', value: csrfTokenIn(page.body)! }] : []), ...(file ? [{ name: 'document', ...file, contentType: 'application/pdf' }] : [])];
    return ctx.app.inject({
      method: 'POST',
      url: `/verify/${code}`,
      remoteAddress,
      cookies,
      headers: { 'content-type': MULTIPART_CONTENT_TYPE, 'sec-fetch-site': 'same-origin' },
      payload: multipartBody(parts),
    });
  }

  it('shows issuer, type, date, reference and validity — and not the applicant', async () => {
    const doc = await issued();
    const reference = (await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('reference').where('id', '=', doc.caseId).executeTakeFirstOrThrow())).reference;
    const res = await view(`/verify/${doc.shortCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    for (const expected of [`Ergebnis für Prüfcode ${formatShortCode(doc.shortCode)}`, 'Dieses Dokument ist echt und gültig.', 'Große Kreisstadt Wurzen', 'Gebührenbescheid', '28. November 2026', reference]) {
      expect(res.body, expected).toContain(expected);
    }
    expect(res.body).not.toContain('Müßig');
    const english = await view(`/verify/${doc.shortCode}?lang=en`);
    expect(english.body).toContain('This document is genuine and valid.');
    expect(english.body).toContain('Fee notice');
  });

  it('accepts the code as people type it: lower case, with dash, O for 0 and I/L for 1', async () => {
    const doc = await issued();
    const typed = formatShortCode(doc.shortCode).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await view(`/verify/${encodeURIComponent(typed)}`)).statusCode).toBe(200);
    const form = await view(`/verify?code=${encodeURIComponent(` ${typed} `)}`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/verify/${doc.shortCode}`);
    const wrong = await view('/verify?code=12345');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Bitte geben Sie den Prüfcode mit 10 Zeichen ein');
    expect(wrong.body).toContain('aria-invalid="true"');
  });

  it('answers unknown codes and documents never released alike, with 404', async () => {
    const unreleased = await issued(false);
    for (const code of [unreleased.shortCode, '0000000000', 'kaputt']) {
      const res = await view(`/verify/${code}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.body).toContain('Zu diesem Prüfcode gibt es kein ausgestelltes Dokument.');
      expect(res.body).not.toContain('Große Kreisstadt Wurzen</dd>');
    }
  });

  it('says when a document was superseded by a newer released version, or revoked', async () => {
    const v1 = await issued();
    await ctx.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ data: JSON.stringify({ betrag: 1 }) }).where('id', '=', v1.caseId).execute());
    const v2 = (await generateCaseDocument(services, { tenantId: wurzen, caseId: v1.caseId, templateId: 'test-notice', release: true })).document;
    expect((await view(`/verify/${v1.shortCode}`)).body).toContain('durch eine neuere Fassung ersetzt');
    expect((await view(`/verify/${v2.shortCode}`)).body).toContain('echt und gültig');
    await ctx.db.withTenant(wurzen, (trx) =>
      revokeDocument(trx, { tenantId: wurzen, caseId: v2.caseId, documentId: v2.id, actor: { kind: 'system' }, now: new Date(), reason: 'Irrtum' }),
    );
    expect((await view(`/verify/${v2.shortCode}`)).body).toContain('wurde widerrufen');
  });

  it('compares an uploaded copy by SHA-256 without storing it: the original matches, a changed copy does not', async () => {
    const doc = await issued();
    const original = await pdfOf(doc);
    const keysBefore = storage.keys().sort();

    const match = await upload(doc.shortCode, { filename: 'bescheid.pdf', content: original }, '203.0.113.10');
    expect(match.statusCode).toBe(200);
    expect(match.body).toContain('Die Datei stimmt genau mit dem ausgestellten Dokument überein.');
    expect(match.body).toContain(doc.sha256);

    const changed = Buffer.from(original);
    const at = changed.length - 20;
    changed.writeUInt8(changed.readUInt8(at) ^ 0x01, at);
    const mismatch = await upload(doc.shortCode, { filename: 'bescheid.pdf', content: changed }, '203.0.113.10');
    expect(mismatch.statusCode).toBe(200);
    expect(mismatch.body).toContain('Die Datei stimmt nicht mit dem ausgestellten Dokument überein.');

    const other = await issued();
    expect((await upload(other.shortCode, { filename: 'bescheid.pdf', content: original }, '203.0.113.10')).body).toContain('stimmt nicht');
    expect(storage.keys().sort()).toEqual([...keysBefore, other.storageKey].sort());
  });

  it('refuses what is not a PDF, more than 10 MB, no file, and a post without CSRF token', async () => {
    const doc = await issued();
    const notPdf = await upload(doc.shortCode, { filename: 'bescheid.pdf', content: Buffer.from('Das ist kein PDF, sondern Text.') }, '203.0.113.20');
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.body).toContain('keinen erlaubten Dateityp');
    const huge = Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(doc.shortCode, { filename: 'gross.pdf', content: huge }, '203.0.113.20');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('10 MB');
    const none = await upload(doc.shortCode, undefined, '203.0.113.20');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Bitte wählen Sie die PDF-Datei des Dokuments aus.');
    const forged = await upload(doc.shortCode, { filename: 'bescheid.pdf', content: await pdfOf(doc) }, '203.0.113.20', false);
    expect(forged.statusCode).toBe(403);
  });

  it('limits lookups per address (429 with Retry-After), other addresses go on', async () => {
    const doc = await issued();
    const codes = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? doc.shortCode : '0000000000'));
    for (const code of codes) expect((await view(`/verify/${code}`, '203.0.113.99')).statusCode).not.toBe(429);
    const blocked = await view(`/verify/${doc.shortCode}`, '203.0.113.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('Zu viele Prüfungen');
    expect((await view(`/verify/${doc.shortCode}`, '203.0.113.100')).statusCode).toBe(200);
    // The code form itself is no lookup.
    expect((await view('/verify', '203.0.113.99')).statusCode).toBe(200);
  });
});
