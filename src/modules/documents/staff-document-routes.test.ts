import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocumentServices } from '../../../test/fixtures/documents/test-templates.js';
import { signedInStaff } from '../../../test/support/factories.js';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, csrfTokenIn, type Browser, type TestContext } from '../../../test/support/test-app.js';
import { createMemoryStorage } from '../../platform/storage/demo-storage.js';
import { listCaseDocuments, type CaseDocument } from './document-queries.js';
import { generateCaseDocument, type DocumentServices } from './generate-document.js';
import { formatShortCode } from './short-code.js';
import { staffDocumentPath } from './staff-document-routes.js';

describe('staff document routes', () => {
  let ctx: TestContext;
  let services: DocumentServices;
  let wurzen: string;
  let bennewitz: string;
  let caseworker: { staff: { id: string }; browser: Browser };

  beforeAll(async () => {
    const storage = createMemoryStorage();
    ctx = await createTestContext({ storage });
    services = testDocumentServices(ctx.db, { storage });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    caseworker = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function newDocument(tenantId: string, data: Record<string, unknown> = { betrag: 2500 }): Promise<CaseDocument> {
    const caseId = await insertTestCase(ctx.db, tenantId, { applicantName: 'Jörg Müßig', data });
    return (await generateCaseDocument(services, { tenantId, caseId, templateId: 'test-notice' })).document;
  }
  const docsOf = (tenantId: string, caseId: string) => ctx.db.withTenant(tenantId, (trx) => listCaseDocuments(trx, tenantId, caseId));
  async function postRelease(browser: Browser, path: string) {
    const token = csrfTokenIn((await browser.get('/staff/password')).body)!;
    return browser.post(`${path}/freigeben`, { _csrf: token });
  }

  it('downloads a document as its PDF, named after type, reference and version', async () => {
    const doc = await newDocument(wurzen);
    const res = await caseworker.browser.get(staffDocumentPath('wurzen', doc.caseId, doc.id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Gebuehrenbescheid TEST-[0-9a-f]+\.pdf"; filename\*=UTF-8''Geb%C3%BChrenbescheid%20TEST-/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(doc.sha256);
    const inline = await caseworker.browser.get(`${staffDocumentPath('wurzen', doc.caseId, doc.id)}?anzeigen=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('releases a document with a CSRF-protected POST and records who did it', async () => {
    const doc = await newDocument(wurzen);
    const path = staffDocumentPath('wurzen', doc.caseId, doc.id);
    const forged = await caseworker.browser.post(`${path}/freigeben`, {});
    expect(forged.statusCode).toBe(403);
    expect((await docsOf(wurzen, doc.caseId))[0]?.status).toBe('unreleased');

    const res = await postRelease(caseworker.browser, path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/wurzen/staff/vorgaenge/${doc.caseId}#panel-documents`);
    expect((await docsOf(wurzen, doc.caseId))[0]).toMatchObject({ status: 'valid', releasedBy: caseworker.staff.id });
    const events = await ctx.db.withTenant(wurzen, (trx) =>
      trx.selectFrom('case_events').select(['type', 'actor_kind', 'actor_id']).where('case_id', '=', doc.caseId).orderBy('seq').execute(),
    );
    expect(events.at(-1)).toEqual({ type: 'document.released', actor_kind: 'caseworker', actor_id: caseworker.staff.id });
    // Releasing again changes nothing.
    expect((await postRelease(caseworker.browser, path)).statusCode).toBe(303);
  });

  it('refuses to release an older version once a newer one exists', async () => {
    const v1 = await newDocument(wurzen);
    await ctx.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ data: JSON.stringify({ betrag: 3000 }) }).where('id', '=', v1.caseId).execute());
    await generateCaseDocument(services, { tenantId: wurzen, caseId: v1.caseId, templateId: 'test-notice' });
    const res = await postRelease(caseworker.browser, staffDocumentPath('wurzen', v1.caseId, v1.id));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('neuere Fassung');
  });

  it('answers 404 for another case’s id in the path and for malformed ids', async () => {
    const doc = await newDocument(wurzen);
    const otherCase = await insertTestCase(ctx.db, wurzen);
    expect((await caseworker.browser.get(staffDocumentPath('wurzen', otherCase, doc.id))).statusCode).toBe(404);
    expect((await caseworker.browser.get(staffDocumentPath('wurzen', doc.caseId, 'kein-dokument'))).statusCode).toBe(404);
    expect((await postRelease(caseworker.browser, staffDocumentPath('wurzen', otherCase, doc.id))).statusCode).toBe(404);
  });

  it('gives a Wurzen caseworker 404 for a Bennewitz document, by Bennewitz URL or by id under Wurzen', async () => {
    const doc = await newDocument(bennewitz);
    for (const tenantSlug of ['bennewitz', 'wurzen']) {
      const path = staffDocumentPath(tenantSlug, doc.caseId, doc.id);
      expect((await caseworker.browser.get(path)).statusCode, `GET ${path}`).toBe(404);
      expect((await postRelease(caseworker.browser, path)).statusCode, `POST ${path}/freigeben`).toBe(404);
    }
    expect((await docsOf(bennewitz, doc.caseId))[0]?.status).toBe('unreleased');
    const bennewitzCaseworker = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    expect((await bennewitzCaseworker.browser.get(staffDocumentPath('bennewitz', doc.caseId, doc.id))).statusCode).toBe(200);
  });

  it('lists every version on the case page, with download links and the release button for the newest', async () => {
    const v1 = await newDocument(wurzen);
    await ctx.db.withTenant(wurzen, (trx) => trx.updateTable('cases').set({ data: JSON.stringify({ betrag: 7700 }) }).where('id', '=', v1.caseId).execute());
    const v2 = (await generateCaseDocument(services, { tenantId: wurzen, caseId: v1.caseId, templateId: 'test-notice' })).document;
    const page = await caseworker.browser.get(`/wurzen/staff/vorgaenge/${v1.caseId}`);
    expect(page.statusCode).toBe(200);
    const panel = /<section aria-labelledby="panel-documents"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(panel).toContain('Gebührenbescheid, Fassung 2');
    expect(panel).toContain('Gebührenbescheid, Fassung 1');
    expect(panel).toContain(`href="${staffDocumentPath('wurzen', v1.caseId, v2.id)}"`);
    expect(panel).toContain(`href="${staffDocumentPath('wurzen', v1.caseId, v1.id)}"`);
    expect(panel.match(/freigeben"/g)).toHaveLength(1);
    expect(panel).toContain(`action="${staffDocumentPath('wurzen', v1.caseId, v2.id)}/freigeben"`);
    expect(panel).toContain(`Prüfcode ${formatShortCode(v2.shortCode)}`);

    await postRelease(caseworker.browser, staffDocumentPath('wurzen', v1.caseId, v2.id));
    const after = await caseworker.browser.get(`/wurzen/staff/vorgaenge/${v1.caseId}`);
    expect(after.body).toContain('Freigegeben am');
    expect(after.body).not.toContain('/freigeben"');
  });

  it('sends visitors without a session to the login page', async () => {
    const doc = await newDocument(wurzen);
    const res = await ctx.app.inject(staffDocumentPath('wurzen', doc.caseId, doc.id));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/staff\/login\?next=/);
  });
});
