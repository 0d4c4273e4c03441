/**
 * The citizen journey of issue 3 in a real browser, on the fixture service umzugsmeldung (a
 * repeating group, a page condition, an upload and a declaration): completed by keyboard alone,
 * completed with JavaScript switched off, and every page type checked with axe (WCAG 2.1 AA) in
 * German and English.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { focusedElement, pressAndLoad, tabTo, typeInto } from '../support/keyboard.js';
import { fixturePackages, offerOnline } from '../support/service-fixtures.js';
import { TestClock } from '../support/test-app.js';
import { completeUmzugsmeldung, SAMPLE_PDF, type JourneyPage } from '../support/umzug-journey.js';
import { tenantIdOf } from '../support/factories-cases.js';

describeInBrowser('citizen journey in the browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession({ packages: fixturePackages(), clock: new TestClock(new Date('2026-11-28T09:00:00Z')) });
    await offerOnline(session.ctx.db, 'umzugsmeldung', ['wurzen']);
  });
  afterAll(async () => {
    await session?.close();
  });

  /**
   * What axe 4.11 no longer reports (WCAG 2.2 dropped 4.1.1): ids used twice, and
   * aria-describedby/-labelledby naming ids that are not on the page. Both break what a screen
   * reader announces and where an error link leads.
   */
  async function idProblems(page: Page): Promise<string[]> {
    // Runs in the page (the project compiles without the DOM library, hence a string).
    return (await page.evaluate(`(() => {
      const problems = [];
      const seen = new Set();
      for (const el of document.querySelectorAll('[id]')) {
        if (seen.has(el.id)) problems.push('id "' + el.id + '" used twice');
        seen.add(el.id);
      }
      for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
        const ids = ((el.getAttribute('aria-describedby') || '') + ' ' + (el.getAttribute('aria-labelledby') || '')).split(' ').filter(Boolean);
        for (const id of ids) if (!document.getElementById(id)) problems.push(el.tagName.toLowerCase() + '#' + el.id + ' refers to missing "' + id + '"');
      }
      return problems;
    })()`)) as string[];
  }

  /** The case with this reference, its data and the names of its files. */
  async function submittedCase(reference: string) {
    const tenantId = await tenantIdOf(session.ctx.db, 'wurzen');
    return session.ctx.db.withTenant(tenantId, async (trx) => {
      const row = await trx.selectFrom('cases').select(['id', 'data', 'state']).where('tenant_id', '=', tenantId).where('reference', '=', reference).executeTakeFirstOrThrow();
      const files = await trx.selectFrom('files').select(['display_name', 'size_bytes']).where('tenant_id', '=', tenantId).where('case_id', '=', row.id).execute();
      return { ...row, data: row.data as Record<string, unknown>, files };
    });
  }

  it('completes the application by keyboard alone', { timeout: 120_000 }, async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto('/wurzen/umzugsmeldung');
    await tabTo(page, 'Antrag starten', { tag: 'button' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/seite\/person$/);

    // Person, first with the date left out: focus goes to the error summary, whose link leads
    // to the field.
    await typeInto(page, 'Vorname(n)', 'Jörg');
    await typeInto(page, 'Familienname', 'Müller-Lüdenscheidt');
    await typeInto(page, 'E-Mail-Adresse', 'joerg@example.org');
    await pressAndLoad(page); // Enter in a text field submits the page
    expect((await focusedElement(page))?.id).toBe('error-summary');
    await tabTo(page, /Geburtsdatum/, { tag: 'a' });
    await page.keyboard.press('Enter');
    expect((await focusedElement(page))?.name).toMatch(/^Geburtsdatum/);
    await page.keyboard.type('01.06.1985');
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/seite\/new-home$/);
    await typeInto(page, 'Straße', 'Markt');
    await typeInto(page, 'Hausnummer', '1');
    await typeInto(page, 'Postleitzahl', '04808');
    await typeInto(page, 'Ort', 'Wurzen');
    await typeInto(page, 'Einzugsdatum', '20.11.2026');
    // The condition: "Ja" (from abroad) leads to the abroad page instead of the previous home.
    await tabTo(page, 'Ja');
    await page.keyboard.press('Space');
    expect((await focusedElement(page))?.checked).toBe(true);
    await tabTo(page, 'Weiter', { tag: 'button' });
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/seite\/abroad$/);
    await typeInto(page, 'Straße', 'Długa');
    await typeInto(page, 'Hausnummer', '7');
    await typeInto(page, 'Postleitzahl', '80-831');
    await typeInto(page, 'Ort', 'Gdańsk');
    await tabTo(page, 'Staat', { tag: 'select' });
    await page.keyboard.type('Polen');
    expect((await focusedElement(page))?.value).toBe('PL');
    await tabTo(page, 'Weiter', { tag: 'button' });
    await pressAndLoad(page);

    // The repeating group: "add" posts action=add-row:members and shows the new row.
    expect(page.url()).toMatch(/\/seite\/household$/);
    await tabTo(page, 'Ja');
    await page.keyboard.press('Space');
    await tabTo(page, 'Weitere Person hinzufügen', { tag: 'button' });
    await pressAndLoad(page);
    await typeInto(page, 'Vorname(n)', 'Ben');
    await typeInto(page, 'Familienname', 'Müller');
    await typeInto(page, 'Geburtsdatum', '02.04.2015');
    await tabTo(page, 'Beziehung zu Ihnen', { tag: 'select' });
    await page.keyboard.type('Kind');
    // Back to the last name by Shift+Tab; Enter there continues (not "add another person").
    await tabTo(page, 'Familienname', { backwards: true });
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/seite\/documents$/);
    const fileInput = await tabTo(page, 'Wohnungsgeberbestätigung', { tag: 'input' });
    expect(fileInput.type).toBe('file');
    // The native file picker that Space or Enter opens cannot be driven by a test; the file is
    // handed to the input that has the keyboard focus, the rest stays keyboard-only.
    await page.locator(':focus').setInputFiles({ name: 'Bestätigung.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await tabTo(page, 'Weiter', { tag: 'button' });
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/seite\/declaration$/);
    await tabTo(page, /^Ich versichere/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Weiter', { tag: 'button' });
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/pruefen$/);
    const answers = await page.locator('main').textContent();
    for (const text of ['Müller-Lüdenscheidt', 'Gdańsk', 'Polen', 'Ben', 'Kind', 'Bestätigung.pdf']) expect(answers).toContain(text);
    await tabTo(page, 'Antrag verbindlich absenden', { tag: 'button' });
    await pressAndLoad(page);

    expect(page.url()).toMatch(/\/bestaetigung$/);
    const reference = /WUR-UMZ-2026-\d{6}/.exec((await page.locator('main').textContent()) ?? '')![0];
    await tabTo(page, 'Stand Ihres Antrags ansehen', { tag: 'a' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/wurzen\/status\/[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('main').textContent()).toContain(reference);
    expect(problems).toEqual([]);

    const stored = await submittedCase(reference);
    expect(stored.data).toMatchObject({ fromAbroad: true, foreignAddress: { country: 'PL', town: 'Gdańsk' }, members: [{ name: { given: 'Ben' }, relation: 'child' }], truthful: true });
    expect(stored.files.map((f) => [f.display_name, Number(f.size_bytes)])).toEqual([['Bestätigung.pdf', SAMPLE_PDF.length]]);
  });

  it('completes the application with JavaScript switched off', { timeout: 120_000 }, async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    // This browser really runs no script: an inline script cannot change the text.
    await page.setContent('<p id="probe">aus</p><script>document.getElementById("probe").textContent = "an"</script>');
    expect(await page.locator('#probe').textContent()).toBe('aus');
    const { reference } = await completeUmzugsmeldung(page, { locale: 'de', fromAbroad: false });
    const stored = await submittedCase(reference);
    expect(stored.data).toMatchObject({ fromAbroad: false, previousAddress: { town: 'Leipzig' }, members: [{ name: { given: 'Ben' } }] });
    expect(stored.files.map((f) => f.display_name)).toEqual(['Bestätigung.pdf']);
  });

  for (const locale of ['de', 'en'] as const) {
    it(`has no serious or critical axe violation on any page type (${locale})`, { timeout: 180_000 }, async () => {
      const page = await session.newPage();
      const problems = watchConsole(page);
      const seen = new Set<JourneyPage>();
      await completeUmzugsmeldung(page, {
        locale,
        fromAbroad: locale === 'en',
        async visit(p, kind) {
          expect(await p.getAttribute('html', 'lang'), `${kind} page language`).toBe(locale);
          await checkA11y(p);
          expect(await idProblems(p), `${kind} page ${p.url()}`).toEqual([]);
          seen.add(kind);
        },
      });
      expect([...seen].sort()).toEqual(['check', 'confirmation', 'errors', 'question', 'save', 'save-errors', 'save-sent', 'start', 'status', 'upload-errors']);
      expect(problems).toEqual([]);
    });
  }
});
