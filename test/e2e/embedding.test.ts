/**
 * Embedding in a municipal website, in a real browser: a second local HTTP server plays the
 * municipality's website (its own origin) with the embed snippet; the tenant allows exactly that
 * origin. The iframe shows the form, its height follows the content, and the form works inside
 * it without cookies (CSRF tokens bind to the draft link). A third origin, not registered, is
 * refused framing by the browser (CSP frame-ancestors).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { fixturePackages, offerOnline } from '../support/service-fixtures.js';
import { TestClock } from '../support/test-app.js';

/** A stand-in for a municipal website: serves one page with the embed snippet on its own port. */
async function startWebsite(appUrl: string): Promise<{ origin: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt Wurzen – Umzug melden</title></head>
<body><h1>Stadt Wurzen</h1><p>Melden Sie Ihren Umzug online:</p>
<script src="${appUrl}/embed.js" data-tenant="wurzen" data-service="umzugsmeldung" async></script>
<noscript><a href="${appUrl}/wurzen/umzugsmeldung">Umzug online melden</a></noscript>
</body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeInBrowser('embedding in a municipal website', () => {
  let session: BrowserSession;
  let allowed: Awaited<ReturnType<typeof startWebsite>>;
  let other: Awaited<ReturnType<typeof startWebsite>>;
  /** How many requests arrived with cookies that the stand-in for a cookie-blocking browser dropped. */
  let droppedCookies = 0;

  beforeAll(async () => {
    session = await startBrowserSession({
      packages: fixturePackages(),
      clock: new TestClock(new Date('2026-11-28T09:00:00Z')),
      // Browsers that block third-party cookies send none into the frame. Chromium cannot be
      // told to block cookies between two ports of 127.0.0.1 (they are one site), so the
      // platform drops every Cookie header before it reads the request.
      routes: (app) => {
        app.server.prependListener('request', (req: http.IncomingMessage) => {
          if (req.headers.cookie === undefined) return;
          droppedCookies++;
          delete req.headers.cookie;
        });
      },
    });
    await offerOnline(session.ctx.db, 'umzugsmeldung', ['wurzen']);
    allowed = await startWebsite(session.baseUrl);
    other = await startWebsite(session.baseUrl);
    // Before the first request for Wurzen, so the tenant directory reads the new origins.
    await session.ctx.db.kysely.updateTable('tenants').set({ embed_origins: [allowed.origin] }).where('slug', '=', 'wurzen').execute();
  });
  afterAll(async () => {
    await session?.close();
    await allowed?.close();
    await other?.close();
  });

  const heightOf = async (page: Page) => Number.parseFloat((await page.locator('iframe[data-rathaus-embed]').getAttribute('style'))?.match(/(?:^|;)\s*height:\s*([\d.]+)px/)?.[1] ?? 'NaN');

  /** Pixels between the iframe's height and the height of the document inside it. */
  const heightMismatch = async (page: Page, frame: Frame) => Math.abs((await heightOf(page)) - ((await frame.evaluate('document.documentElement.getBoundingClientRect().height')) as number));

  /** The embedded frame once its document has loaded from the platform. */
  async function embeddedFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('iframe[data-rathaus-embed]');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the embed script inserted no frame');
    return frame;
  }

  it('shows the form in an iframe whose height follows the content, and works there without cookies', { timeout: 60_000 }, async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    const framed = page.waitForResponse((r) => r.url().startsWith(`${session.baseUrl}/wurzen/umzugsmeldung`));
    await page.goto(`${allowed.origin}/`);
    expect((await framed).headers()['content-security-policy']).toContain(`frame-ancestors ${allowed.origin}`);
    const frame = await embeddedFrame(page);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Umzug melden (Testdienst)');
    // Inside the frame the platform drops its own header and footer.
    expect(await frame.locator('.rc-header').count()).toBe(0);
    await expect.poll(() => heightOf(page)).toBeGreaterThan(0);

    await Promise.all([frame.waitForURL(/\/seite\/person$/), frame.getByRole('button', { name: 'Antrag starten' }).click()]);
    await frame.waitForLoadState('load');
    await expect.poll(() => heightMismatch(page, frame)).toBeLessThan(2);
    const before = await heightOf(page);

    // A page with errors is longer: the iframe grows with it.
    await Promise.all([frame.waitForLoadState('load'), frame.getByRole('button', { name: 'Weiter' }).click()]);
    await expect.poll(() => frame.locator('#error-summary').count()).toBe(1);
    await expect.poll(() => heightOf(page)).toBeGreaterThan(before + 100);

    // The form keeps working in the frame without cookies: the draft link carries what it needs.
    await frame.getByLabel('Vorname(n)').fill('Jörg');
    await frame.getByLabel('Familienname').fill('Müller');
    await frame.getByLabel('Geburtsdatum').fill('01.06.1985');
    await Promise.all([frame.waitForURL(/\/seite\/new-home$/), frame.getByRole('button', { name: 'Weiter' }).click()]);
    expect(await frame.locator('h1').textContent()).toBe('Ihre neue Wohnung');
    // Back on a shorter page, the iframe shrinks again (no empty space below the form).
    await expect.poll(() => heightMismatch(page, frame)).toBeLessThan(2);
    expect(droppedCookies).toBeGreaterThan(0);
    // The page with errors answers 400 by design; nothing else may show up.
    expect(problems.filter((p) => !/status of 400 .*\/seite\/person\)$/.test(p))).toEqual([]);
  });

  it('is refused framing on a website whose origin the municipality did not register', { timeout: 60_000 }, async () => {
    const page = await session.newPage();
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
    });
    const framed = page.waitForResponse((r) => r.url().startsWith(`${session.baseUrl}/wurzen/umzugsmeldung`));
    await page.goto(`${other.origin}/`);
    expect((await framed).headers()['content-security-policy']).toContain(`frame-ancestors ${allowed.origin}`);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toMatch(/blocked|refused/i);
    const frame = await embeddedFrame(page);
    // The browser shows its own error document instead of the platform's page.
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    expect(await frame.locator('body').innerText()).not.toContain('Umzug melden');
    expect(await page.locator('iframe[data-rathaus-embed]').getAttribute('style')).not.toMatch(/(^|;)\s*height:/);
  });
});
