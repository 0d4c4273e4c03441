import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocumentServices, testNoticeTemplate, testReceiptTemplate, TEST_SERVICE } from '../../../test/fixtures/documents/test-templates.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { pdfPageCount, pdfQrCode, pdfText } from '../../../test/support/pdf-inspection.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { verifyCaseEventChain } from '../../platform/audit/case-events.js';
import { createDocumentTemplateRegistry } from './document-template.js';
import { listCaseDocuments } from './document-queries.js';
import { generateCaseDocument, type DocumentServices } from './generate-document.js';
import { formatShortCode } from './short-code.js';

const SCRIPT = '<script>alert(1)</script>';

describe('generating case documents', () => {
  let t: TestDatabase;
  let wurzen: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    wurzen = await tenantIdOf(t.db, 'wurzen');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const newCase = (data: Record<string, unknown> = {}) =>
    insertTestCase(t.db, wurzen, { applicantName: 'Jörg Müßig-Öztürk', data: { betrag: 123450, bemerkung: `Bitte beachten: ${SCRIPT}`, strasse: 'Straße des Friedens 5', ...data } });
  const events = (caseId: string) =>
    t.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select(['type', 'data']).where('case_id', '=', caseId).orderBy('seq').execute());
  const stored = async (services: ReturnType<typeof testDocumentServices>, key: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await services.storage.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('renders the letterhead, every block, umlauts, € amounts and a script payload as literal text', async () => {
    const services = testDocumentServices(t.db);
    const caseId = await newCase();
    const { outcome, document } = await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    expect(outcome).toBe('generated');
    expect(document).toMatchObject({ kind: 'notice', version: 1, templateId: 'test-notice', templateVersion: 1, status: 'unreleased', title: { de: 'Gebührenbescheid' } });

    const pdf = await stored(services, document.storageKey);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(document.sha256);
    expect(pdf.length).toBe(document.sizeBytes);

    const text = await pdfText(pdf);
    const reference = (await t.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow())).reference;
    for (const expected of [
      'Große Kreisstadt Wurzen',
      'Gebührenbescheid',
      'Jörg Müßig-Öztürk',
      'Straße des Friedens 5',
      '1.234,50 €',
      reference,
      `Bitte beachten: ${SCRIPT}`,
      'Rechtsbehelfsbelehrung',
      'Seite 1 von 1',
      '28. November 2026',
      formatShortCode(document.shortCode),
      `https://rathaus.example/verify/${document.shortCode}`,
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(await pdfQrCode(pdf)).toBe(`https://rathaus.example/verify/${document.shortCode}`);

    expect(await events(caseId)).toEqual([
      { type: 'document.generated', data: { documentId: document.id, kind: 'notice', version: 1, templateId: 'test-notice', templateVersion: 1, sha256: document.sha256 } },
    ]);
    const code = await t.db.kysely.selectFrom('document_verifications').selectAll().where('short_code', '=', document.shortCode).executeTakeFirstOrThrow();
    expect(code).toMatchObject({ tenant_id: wurzen, document_id: document.id });
    expect((await verifyCaseEventChain(t.db, wurzen)).ok).toBe(true);
  });

  it('numbers pages "Seite x von y" when the content runs over several pages', async () => {
    const long = 'Lorem ipsum dolor sit amet, Überlänge für den Seitenumbruch. '.repeat(400);
    const services = testDocumentServices(t.db);
    const caseId = await newCase({ bemerkung: long });
    const { document } = await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    const pdf = await stored(services, document.storageKey);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Seite ${p} von ${pages}`);
  });

  it('makes nothing new for the same input, also when two runs race, and keeps no orphaned file', async () => {
    const services = testDocumentServices(t.db);
    const caseId = await newCase();
    const runs = await Promise.all([1, 2, 3].map(() => generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' })));
    expect(runs.map((r) => r.outcome).sort()).toEqual(['generated', 'unchanged', 'unchanged']);
    expect(new Set(runs.map((r) => r.document.id)).size).toBe(1);
    const again = await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    expect(again).toMatchObject({ outcome: 'unchanged', document: { id: runs[0]!.document.id, version: 1 } });
    const docs = await t.db.withTenant(wurzen, (trx) => listCaseDocuments(trx, wurzen, caseId));
    expect(docs).toHaveLength(1);
    expect(services.storage.keys()).toEqual([docs[0]!.storageKey]);
    expect((await events(caseId)).filter((e) => e.type === 'document.generated')).toHaveLength(1);
  });

  it('regenerates as version 2 with a different hash when the data or the template version changes; version 1 stays', async () => {
    const services = testDocumentServices(t.db);
    const caseId = await newCase();
    const v1 = (await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' })).document;
    await t.db.withTenant(wurzen, (trx) =>
      trx.updateTable('cases').set({ data: JSON.stringify({ betrag: 9900, bemerkung: 'geändert', strasse: 'Markt 1' }) }).where('id', '=', caseId).execute(),
    );
    const v2 = await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    expect(v2).toMatchObject({ outcome: 'generated', document: { version: 2, kind: 'notice' } });
    expect(v2.document.sha256).not.toBe(v1.sha256);
    expect(v2.document.shortCode).not.toBe(v1.shortCode);
    expect(await pdfText(await stored(services, v2.document.storageKey))).toContain('99,00 €');

    const raised: DocumentServices = { ...services, templates: createDocumentTemplateRegistry([{ serviceId: TEST_SERVICE, templates: [testNoticeTemplate(2), testReceiptTemplate()] }]) };
    const v3 = await generateCaseDocument(raised, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    expect(v3.document).toMatchObject({ version: 3, templateVersion: 2 });

    const docs = await t.db.withTenant(wurzen, (trx) => listCaseDocuments(trx, wurzen, caseId));
    expect(docs.map((d) => d.version)).toEqual([3, 2, 1]);
    expect(await services.storage.exists(v1.storageKey)).toBe(true);
  });

  it('counts versions per kind: the receipt of the same case starts at 1', async () => {
    const services = testDocumentServices(t.db);
    const caseId = await newCase();
    await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'test-notice' });
    const receipt = await generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'receipt', release: true });
    expect(receipt.document).toMatchObject({ kind: 'receipt', version: 1, status: 'valid', title: { de: 'Eingangsbestätigung' } });
    const text = await pdfText(await stored(services, receipt.document.storageKey));
    for (const expected of ['Eingangsbestätigung', 'Guten Tag Jörg Müßig-Öztürk,', '„Testleistung“', 'Diese Bestätigung ist keine Genehmigung.', 'Ihre nächsten Schritte', SCRIPT]) {
      expect(text, expected).toContain(expected);
    }
    expect((await events(caseId)).map((e) => e.type)).toEqual(['document.generated', 'document.generated', 'document.released']);
  });

  it('refuses a template the service does not have, and a case of another tenant', async () => {
    const services = testDocumentServices(t.db);
    const caseId = await newCase();
    await expect(generateCaseDocument(services, { tenantId: wurzen, caseId, templateId: 'order' })).rejects.toThrow('No document template "order" is registered for service "test-service"');
    const bennewitz = await tenantIdOf(t.db, 'bennewitz');
    await expect(generateCaseDocument(services, { tenantId: bennewitz, caseId, templateId: 'test-notice' })).rejects.toMatchObject({ code: 'case.not_found' });
    expect(services.storage.keys()).toEqual([]);
  });
});
