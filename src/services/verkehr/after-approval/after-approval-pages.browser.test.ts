/**
 * The applicant's pages after the approval of a no-parking zone in a real browser, with axe
 * (WCAG 2.1 A/AA) on each as the applicant meets it: the status page with the section, the set-up
 * record form empty and with its errors, the extension form with an error, the completion page
 * with its error, and the status page once the record is in. No script or style is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../../../../test/support/browser.js';
import { createStaff } from '../../../../test/support/factories.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { TestClock } from '../../../../test/support/test-app.js';
import { hvzAnswers } from '../../../../test/support/traffic-journey.js';
import { sampleJpeg } from '../../../../test/support/upload-samples.js';
import { approvedOrder } from './testing/after-approval-harness.js';

describeInBrowser('traffic order after approval in the browser', () => {
  let session: BrowserSession;
  let statusPath: string;
  const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));

  beforeAll(async () => {
    session = await startBrowserSession({ clock });
    const bennewitz = { slug: 'bennewitz', id: await tenantIdOf(session.ctx.db, 'bennewitz') };
    const caseworker = (await createStaff(session.ctx.db, { tenantSlug: 'bennewitz' })).id;
    statusPath = (await approvedOrder(session.ctx, clock, bennewitz, hvzAnswers({ 'period.from': '07.12.2026', 'period.to': '08.12.2026' }), caseworker)).statusPath;
    clock.set(new Date('2026-12-03T12:00:00+01:00'));
  });
  afterAll(async () => {
    await session?.close();
  });

  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }), page.getByRole('button', { name: button, exact: true }).click()]);
    await page.waitForLoadState('load');
  }

  it('shows the section and the three forms, with and without errors, passing axe', { timeout: 120_000 }, async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto(statusPath);
    expect(await page.locator('#nach-der-anordnung').textContent()).toBe('Ihre Anordnung umsetzen');
    await checkA11y(page);

    await page.getByRole('link', { name: 'Aufstellprotokoll hochladen' }).click();
    await page.waitForURL(/\/aufstellprotokoll$/);
    await checkA11y(page);
    await page.getByLabel('Kennzeichen bereits parkender Fahrzeuge').fill('XYZ');
    await submit(page, 'Aufstellprotokoll senden');
    expect(await page.locator('#error-summary').textContent()).toContain('Bitte geben Sie bei „Datum des Aufstellens“ den Tag an');
    await checkA11y(page);

    await page.getByLabel('Datum des Aufstellens').fill('03.12.2026');
    await page.getByLabel('Uhrzeit des Aufstellens').fill('10:00');
    await page.getByLabel('Kennzeichen bereits parkender Fahrzeuge').fill('L-AB 1234');
    await page.getByLabel('Fotos der aufgestellten Schilder').setInputFiles({ name: 'schild.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() });
    await submit(page, 'Aufstellprotokoll senden');
    expect(page.url()).toContain(`${statusPath}#aufstellprotokoll`);
    expect(await page.locator('#nach-der-anordnung').locator('..').textContent()).toContain('Die Schilder standen rechtzeitig.');
    await checkA11y(page);

    await page.goto(`${statusPath}/verlaengerung`);
    await checkA11y(page);
    await page.getByLabel('Neues Ende').fill('08.12.2026');
    await submit(page, 'Verlängerung beantragen');
    expect(await page.locator('#error-summary').textContent()).toContain('„Neues Ende“ muss nach dem bisherigen Ende am 08.12.2026 liegen.');
    await checkA11y(page);

    await page.goto(`${statusPath}/fertigmeldung`);
    await checkA11y(page);
    await submit(page, 'Fertig melden');
    expect(await page.locator('#error-summary').textContent()).toContain('Bitte bestätigen Sie');
    await checkA11y(page);
    expect(problems).toEqual([]);
  });
});
