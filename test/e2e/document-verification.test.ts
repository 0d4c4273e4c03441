/**
 * The public verification page in a real browser: accessibility (axe, WCAG 2.1 AA) of the code
 * form, a result, a refused code and a compared upload; entering a code by keyboard; comparing
 * the issued PDF; no CSP or console errors.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateCaseDocument } from '../../src/modules/documents/generate-document.js';
import { formatShortCode } from '../../src/modules/documents/short-code.js';
import type { CaseDocument } from '../../src/modules/documents/document-queries.js';
import { testDocumentServices } from '../fixtures/documents/test-templates.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { insertTestCase, tenantIdOf } from '../support/factories-cases.js';

describeInBrowser('document verification in the browser', () => {
  let session: BrowserSession;
  let doc: CaseDocument;
  let pdf: Buffer;

  beforeAll(async () => {
    session = await startBrowserSession();
    const { ctx } = session;
    const wurzen = await tenantIdOf(ctx.db, 'wurzen');
    const caseId = await insertTestCase(ctx.db, wurzen, { applicantName: 'Jörg Müßig', data: { betrag: 4200, bemerkung: '<script>alert(1)</script>' } });
    doc = (await generateCaseDocument(testDocumentServices(ctx.db, { storage: ctx.storage }), { tenantId: wurzen, caseId, templateId: 'test-notice', release: true })).document;
    const chunks: Buffer[] = [];
    for await (const chunk of await ctx.storage.get(doc.storageKey)) chunks.push(chunk as Buffer);
    pdf = Buffer.concat(chunks);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto(path);
    return { page, problems };
  }

  it('lets a visitor type the code by keyboard and shows an accessible result', async () => {
    const { page, problems } = await open('/verify');
    await checkA11y(page);
    await page.getByLabel('Prüfcode').focus();
    await page.keyboard.type(formatShortCode(doc.shortCode).toLowerCase());
    await Promise.all([page.waitForURL(`**/verify/${doc.shortCode}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain(`Ergebnis für Prüfcode ${formatShortCode(doc.shortCode)}`);
    expect(await page.getByRole('status').first().textContent()).toContain('Dieses Dokument ist echt und gültig.');
    expect(await page.locator('main').textContent()).not.toContain('Müßig');
    await checkA11y(page);
    expect(problems).toEqual([]);
  });

  it('compares the issued PDF and a changed copy', async () => {
    const { page, problems } = await open(`/verify/${doc.shortCode}`);
    await page.getByLabel('PDF-Datei des Dokuments').setInputFiles({ name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: pdf });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Datei vergleichen' }).click()]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Datei stimmt genau mit dem ausgestellten Dokument überein.');
    await checkA11y(page);

    const changed = Buffer.concat([pdf, Buffer.from('\n% verändert\n')]);
    await page.getByLabel('PDF-Datei des Dokuments').setInputFiles({ name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: changed });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Datei vergleichen' }).click()]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Datei stimmt nicht mit dem ausgestellten Dokument überein.');
    expect(problems).toEqual([]);
  });

  it('shows a refused code and an unknown code accessibly, in English too', async () => {
    const invalid = await open('/verify?code=123');
    expect(await invalid.page.getByRole('alert').textContent()).toContain('Prüfcode mit 10 Zeichen');
    await checkA11y(invalid.page);
    const unknown = await open('/verify/0000000000?lang=en');
    expect(await unknown.page.locator('main').textContent()).toContain('There is no issued document with this verification code.');
    await checkA11y(unknown.page);
  });
});
