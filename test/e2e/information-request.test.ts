/**
 * The acceptance journey of issue 4 for information requests (Nachforderung), in a real browser
 * and by keyboard alone: a caseworker asks for a document with a deadline from the case page,
 * the applicant answers with a file on the status page, and the case shows in the inbox marked
 * "Antwort eingegangen" with the answer and its file on the case page. axe (WCAG 2.1 AA) checks
 * the request form, the status page with an open request, the answer page with an error and the
 * case page with the panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { fixtureEngine } from '../support/case-engine-fixture.js';
import { createStaff, type TestStaff } from '../support/factories.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { SAMPLE_PDF, caseWithStatusLink } from '../support/factories-requests.js';
import { focusedElement, pressAndLoad, tabTo, typeInto } from '../support/keyboard.js';
import { TestClock } from '../support/test-app.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const REFERENCE = 'WUR-GEW-2026-000777';
const MESSAGE = 'Bitte reichen Sie die Einverständniserklärung Ihrer Eltern nach.';

describeInBrowser('information request in the browser', () => {
  let session: BrowserSession;
  let caseworker: TestStaff;
  let caseId: string;
  let statusUrl: string;

  beforeAll(async () => {
    session = await startBrowserSession({ clock: new TestClock(NOW), appDeps: (db) => ({ caseEngine: fixtureEngine(db).deps }) });
    const wurzen = await tenantIdOf(session.ctx.db, 'wurzen');
    caseworker = await createStaff(session.ctx.db, { tenantSlug: 'wurzen', role: 'caseworker', displayName: 'Erika Muster' });
    const created = await caseWithStatusLink(session.ctx, wurzen, { reference: REFERENCE, applicantName: 'Anna Müller', submittedAt: new Date('2026-11-27T09:00:00Z') });
    caseId = created.caseId;
    statusUrl = `/wurzen/status/${created.token}`;
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Presses Tab until the focused element is the link or button with exactly this text. */
  async function tabToText(page: Page, text: string): Promise<void> {
    const found = await tabTo(page, new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), { maxStops: 120 });
    expect(found.name).toBe(text);
  }

  it('a caseworker requests information, the applicant answers with a file, the case shows as answered — by keyboard alone', { timeout: 120_000 }, async () => {
    // The caseworker signs in and opens the case from the inbox.
    const staffPage = await session.newPage();
    const staffProblems = watchConsole(staffPage);
    await staffPage.goto('/staff/login');
    await typeInto(staffPage, 'E-Mail-Adresse', caseworker.email);
    await typeInto(staffPage, 'Passwort', caseworker.password);
    await pressAndLoad(staffPage);
    // The start page does not link the inbox yet; the caseworker opens it from a bookmark.
    await staffPage.goto('/wurzen/staff/vorgaenge');
    await tabToText(staffPage, REFERENCE);
    await pressAndLoad(staffPage);
    expect(staffPage.url()).toMatch(new RegExp(`/vorgaenge/${caseId}$`));

    // From the Nachforderungen panel to the form; message typed, the suggested deadline kept.
    await tabToText(staffPage, 'Angaben mit Frist nachfordern');
    await pressAndLoad(staffPage);
    expect(staffPage.url()).toMatch(/\/nachforderung$/);
    await checkA11y(staffPage);
    await typeInto(staffPage, 'Was fehlt?', MESSAGE);
    expect(await staffPage.locator('#dueDate').inputValue()).toBe('2026-12-12');
    await tabToText(staffPage, 'Nachforderung senden');
    await pressAndLoad(staffPage);
    expect(staffPage.url()).toMatch(new RegExp(`/vorgaenge/${caseId}#panel-requests$`));
    expect(await staffPage.locator('#case-state').textContent()).toBe('Nachforderung');
    const panel = staffPage.locator('section[aria-labelledby="panel-requests"]');
    expect(await panel.textContent()).toContain(`Nachricht: ${MESSAGE}`);
    expect(await panel.textContent()).toContain('Offen');

    // The applicant opens the status page from the mail's link and answers with a file.
    const applicant = await session.newPage();
    const applicantProblems = watchConsole(applicant);
    await applicant.goto(statusUrl);
    expect(await applicant.locator('#rueckfragen').textContent()).toBe('Rückfragen der Verwaltung');
    expect(await applicant.locator('main').textContent()).toContain('Bitte antworten Sie bis 12. Dezember 2026.');
    await checkA11y(applicant);
    await typeInto(applicant, 'Ihre Antwort', 'Die Erklärung meiner Eltern liegt bei.');
    const fileInput = await tabTo(applicant, 'Dateien (optional)');
    expect(fileInput.type).toBe('file');
    // The native file picker that Space or Enter opens cannot be driven by a test; the file is
    // handed to the input that has the keyboard focus, the rest stays keyboard-only.
    await applicant.locator(':focus').setInputFiles({ name: 'Einverständnis.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await tabToText(applicant, 'Antwort senden');
    await pressAndLoad(applicant);
    expect(applicant.url()).toMatch(/#rueckfragen$/);
    expect(await applicant.locator('main').textContent()).toContain('Ihre Antwort vom 28.11.2026, 10:00 ist eingegangen.');
    expect(await applicant.locator('main').textContent()).toContain('Ihre Antwort ist eingegangen');
    await checkA11y(applicant);

    // Back in the back office: the inbox marks the case, the case page shows answer and file.
    await tabToText(staffPage, 'Posteingang');
    await pressAndLoad(staffPage);
    const row = staffPage.locator('tr', { has: staffPage.locator(`a:text-is("${REFERENCE}")`) });
    expect(await row.textContent()).toContain('Antwort eingegangen');
    expect(await row.textContent()).toContain('In Prüfung');
    await tabToText(staffPage, REFERENCE);
    await pressAndLoad(staffPage);
    expect(await panel.textContent()).toContain('Antwort: Die Erklärung meiner Eltern liegt bei.');
    expect(await panel.textContent()).toContain('Neue Antwort eingegangen');
    await checkA11y(staffPage);
    await tabToText(staffPage, '„Einverständnis.pdf“ herunterladen');
    const [download] = await Promise.all([staffPage.waitForEvent('download'), staffPage.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Einverständnis.pdf');

    // "Als gesehen markieren" takes the mark off again.
    await tabToText(staffPage, 'Als gesehen markieren');
    await pressAndLoad(staffPage);
    expect(await panel.textContent()).not.toContain('Neue Antwort eingegangen');
    expect(staffPage.url()).toMatch(/#panel-requests$/);
    expect(staffProblems).toEqual([]);
    expect(applicantProblems).toEqual([]);
  });

  it('shows a refused answer on its own page with the error summary focused, without serious accessibility violations', async () => {
    const wurzen = await tenantIdOf(session.ctx.db, 'wurzen');
    const other = await caseWithStatusLink(session.ctx, wurzen, { reference: 'WUR-GEW-2026-000778' });
    await session.ctx.db.withTenant(wurzen, (trx) =>
      trx.insertInto('information_requests').values({ tenant_id: wurzen, case_id: other.caseId, requested_at: NOW, message: 'Bitte den Grundriss nachreichen.', due_date: '2026-12-12' }).execute(),
    );
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto(`/wurzen/status/${other.token}`);
    await tabToText(page, 'Antwort senden');
    await pressAndLoad(page);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect((await focusedElement(page))?.id).toBe('error-summary');
    expect(await page.locator('#error-summary').textContent()).toContain('Bitte schreiben Sie bei „Ihre Antwort“ eine Antwort oder fügen Sie eine Datei bei.');
    await checkA11y(page);
    expect(problems).toEqual([]);
  });
});
