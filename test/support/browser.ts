/**
 * Browser tests: the real application listening on a random local port over this test file's own
 * database, driven by Debian's Chromium through playwright-core, with axe-core for accessibility.
 *
 * Where no Chromium is installed the browser tests skip with a clear message, except under CI
 * (CI=true), where a missing browser fails them: CI must prove the pages work in a browser.
 */
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser as Chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { createTestContext, type TestContext } from './test-app.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Headless and quiet: no sandbox (CI runs as root), no GPU, and no background traffic to
// Google services, so a test run makes no network connection beyond 127.0.0.1.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The WCAG levels the platform promises (BITV 2.0 refers to WCAG 2.1 AA via EN 301 549). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const runningInCi = (): boolean => /^(1|true)$/i.test(process.env.CI ?? '');

/** Why browser tests cannot run on this machine, or null when Chromium is there. */
export function chromiumMissing(): string | null {
  return fs.existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} not found (install Debian's chromium: apt-get install chromium)`;
}

/**
 * `describe` for browser tests. Skips the block with a printed reason when Chromium is missing,
 * unless CI=true: then the block runs and fails at launch, so CI cannot pass without a browser.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const missing = chromiumMissing();
  if (missing && !runningInCi()) {
    console.log(`Browser tests SKIPPED (${name}): ${missing}. Under CI=true this is a failure.`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface BrowserSession {
  /** The application and its database (for arranging data, e.g. staff accounts). */
  ctx: TestContext;
  /** http://127.0.0.1:<port> of the running application. */
  baseUrl: string;
  /**
   * A page in a new browser context: its own cookies, as a second visitor would have.
   * `javaScriptEnabled: false` gives a visitor whose browser runs no scripts.
   */
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the application on a random port and launches Chromium against it. */
export async function startBrowserSession(options: Parameters<typeof createTestContext>[0] = {}): Promise<BrowserSession> {
  const missing = chromiumMissing();
  if (missing) throw new Error(`CI=true, but browser tests cannot run: ${missing}. .ci/run installs it when missing.`);
  const ctx = await createTestContext(options);
  let browser: Chromium | undefined;
  try {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app did not listen on a TCP port');
    // launch() gives every run a fresh temporary profile (user-data-dir), removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    console.log(`Browser tests run in: Chromium ${browser.version()} (${CHROMIUM_PATH})`);
  } catch (e) {
    await browser?.close();
    await ctx.close();
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
  const contexts: BrowserContext[] = [];
  const launched = browser;
  return {
    ctx,
    baseUrl,
    async newPage(options = {}) {
      const context = await launched.newContext({ baseURL: baseUrl, locale: 'de-DE', ...options });
      // Generous: on a loaded 2-core CI machine a first page load (tsx compiling the route's
      // modules on demand) has taken over 10 s; a wrong selector still fails, only later.
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close()));
      await launched.close();
      await ctx.close();
    },
  };
}

/**
 * Collects what the browser reports as broken while the page is used: script errors and console
 * errors such as a Content-Security-Policy refusal or a missing stylesheet. The document's own
 * status (a deliberate 404 page) and the browser's unasked favicon request are not counted.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const source = m.location().url;
    // The document's own status is the test's business; browsers ask for /favicon.ico on their own.
    if ((source === page.url() || /\/favicon\.ico$/.test(source)) && m.text().startsWith('Failed to load resource')) return;
    problems.push(`console: ${m.text()} (${source})`);
  });
  return problems;
}

/**
 * Runs axe-core on the page as it is now and fails with a readable list when it finds a serious
 * or critical WCAG 2.1 A/AA violation. Minor and moderate findings are left to review.
 */
export async function checkA11y(page: Page): Promise<void> {
  // Legacy mode runs axe.run() in the page itself. The default mode finishes every run in a new
  // blank page (for cross-origin frames, which our pages do not have), which made each check take
  // 2–5 s instead of about 1 s and was half the time of the browser tests.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
  // An empty or broken page passes no rule either; insist that axe really checked something.
  if (results.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}: is the page empty?`);
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (blocking.length === 0) return;
  const report = blocking.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`);
    const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
    return [`  [${v.impact}] ${v.id}: ${v.help}`, `    ${v.helpUrl}`, ...nodes, ...more].join('\n');
  });
  throw new Error(`axe found ${blocking.length} serious or critical violation(s) on ${page.url()}:\n${report.join('\n')}`);
}
