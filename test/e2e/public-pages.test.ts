/**
 * The public pages in a real browser: accessibility (axe, WCAG 2.1 AA), keyboard use, the
 * language switch, and no CSP or asset errors in the console.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';

describeInBrowser('public pages in the browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens a path in a fresh visitor's browser and checks the status and the console. */
  async function open(path: string, status = 200): Promise<{ page: Page; problems: string[] }> {
    const page = await session.newPage();
    const problems = watchConsole(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    return { page, problems };
  }

  for (const [label, path, status, heading] of [
    ['platform home', '/', 200, 'Rathaus Cloud – Ihr Rathaus online'],
    ['municipality home', '/wurzen', 200, 'Große Kreisstadt Wurzen'],
    ['legal page', '/bennewitz/barrierefreiheit', 200, 'Barrierefreiheit'],
    ['404 page', '/wurzen/diese-seite-gibt-es-nicht', 404, 'Diese Seite gibt es nicht.'],
    ['unknown municipality', '/atlantis', 404, 'Diese Kommune nimmt nicht an Rathaus Cloud teil.'],
  ] as const) {
    it(`${label} (${path}) has no serious accessibility violations`, async () => {
      const { page, problems } = await open(path, status);
      expect(await page.locator('h1').first().textContent()).toContain(heading);
      await checkA11y(page);
      expect(problems, `browser console on ${path}`).toEqual([]);
    });
  }

  it('checkA11y itself fails, naming the rule, on a page with an unlabelled field and an image without text', async () => {
    const page = await session.newPage();
    await page.setContent('<!doctype html><html lang="de"><title>x</title><main><input type="text"><img src="data:,"></main></html>');
    await expect(checkA11y(page)).rejects.toThrow(/\[critical\] (label|image-alt)/);
  });

  it('makes the skip link the first Tab stop and moves focus to the main content', async () => {
    const { page } = await open('/wurzen');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Zum Inhalt springen');
    expect(await focused.getAttribute('href')).toBe('#main');
    // Hidden off-screen until focused, then it must be on screen for sighted keyboard users.
    const box = await focused.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
  });

  it('switches to English by the header link and keeps English on the next page', async () => {
    const { page, problems } = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').first().textContent()).toContain('Rathaus Cloud – your town hall online');
    await page.goto('/wurzen');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Contact' }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(/lang=de/);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(problems).toEqual([]);
  });
});
