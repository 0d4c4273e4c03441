/**
 * Staff sign-in in a real browser: the login page, its error state and the staff start page
 * pass axe (WCAG 2.1 AA), and a caseworker signs in and out with the keyboard alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStaff, type TestStaff } from '../support/factories.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';

/** Presses Tab until the element with `id` has focus; fails if it is not reached in `limit` steps. */
async function tabTo(page: Page, id: string, limit = 20): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(':focus').getAttribute('id')) === id) return presses;
  }
  throw new Error(`#${id} was not reached with ${limit} presses of Tab`);
}

describeInBrowser('staff sign-in in the browser', () => {
  let session: BrowserSession;
  let caseworker: TestStaff;
  beforeAll(async () => {
    session = await startBrowserSession();
    caseworker = await createStaff(session.ctx.db, { tenantSlug: 'wurzen', role: 'caseworker', displayName: 'Erika Muster' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('login page has no serious accessibility violations, also when it shows errors', async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    expect((await page.goto('/staff/login'))?.status()).toBe(200);
    await checkA11y(page);
    await page.getByLabel('E-Mail-Adresse').fill(caseworker.email);
    await page.getByLabel('Passwort').fill('ganz-sicher-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Fehler: /);
    await checkA11y(page);
    expect(problems).toEqual([]);
  });

  it('signs a caseworker in and out by keyboard alone', async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto('/staff/login');
    // The fields are reached in order by Tab, and each is the one its visible label names.
    expect(await page.getByLabel('E-Mail-Adresse').getAttribute('id')).toBe('email');
    expect(await page.getByLabel('Passwort').getAttribute('id')).toBe('password');
    await tabTo(page, 'email');
    await page.keyboard.type(caseworker.email);
    expect(await tabTo(page, 'password', 1)).toBe(1);
    await page.keyboard.type(caseworker.password);
    await Promise.all([page.waitForURL('**/wurzen/staff'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain('Große Kreisstadt Wurzen');
    expect(await page.getByText('Erika Muster').count()).toBeGreaterThan(0);
    expect(await page.getByText('Sachbearbeitung').count()).toBeGreaterThan(0);

    // Sign out: Tab to the header's "Abmelden" button and press Enter.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.locator(':focus').textContent())?.trim() === 'Abmelden';
    }
    expect(reached, 'Tab reaches the sign-out button').toBe(true);
    await Promise.all([page.waitForURL('**/staff/login?signedOut=1'), page.keyboard.press('Enter')]);
    expect((await page.goto('/wurzen/staff'))?.url()).toContain('/staff/login');
    expect(problems).toEqual([]);
  });

  it('staff start page has no serious accessibility violations', async () => {
    const page = await session.newPage();
    await page.goto('/staff/login');
    await page.getByLabel('E-Mail-Adresse').fill(caseworker.email);
    await page.getByLabel('Passwort').fill(caseworker.password);
    await Promise.all([page.waitForURL('**/wurzen/staff'), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await checkA11y(page);
  });
});
