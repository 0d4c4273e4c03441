/**
 * The back office in a real browser: inbox, case page, confirmation page, "my tasks" and the
 * dashboard pass axe (WCAG 2.1 AA, no serious or critical finding) without console errors, and
 * a caseworker assigns a case to herself and takes a step with its confirmation by keyboard alone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evaluateRules } from '../../src/modules/cases/evaluate-rules.js';
import { appendCaseEvent } from '../../src/platform/audit/case-events.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { fixtureEngine } from '../support/case-engine-fixture.js';
import { createStaff, type TestStaff } from '../support/factories.js';
import { insertCase, insertCaseFile } from '../support/factories-backoffice.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { TestClock } from '../support/test-app.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2e5a2b90000000049454e44ae426082',
  'hex',
);

/** Presses Tab until the focused element satisfies `match`; fails after `limit` presses. */
async function tabUntil(page: Page, describe: string, match: () => Promise<boolean>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await match()) return;
  }
  throw new Error(`${describe} was not reached with ${limit} presses of Tab`);
}

const focused = (page: Page) => page.locator(':focus');
const focusedText = async (page: Page) => ((await focused(page).count()) > 0 ? ((await focused(page).textContent()) ?? '').trim() : '');
const focusedAttribute = async (page: Page, name: string) => ((await focused(page).count()) > 0 ? ((await focused(page).getAttribute(name)) ?? '') : '');
const focusedId = (page: Page) => focusedAttribute(page, 'id');

describeInBrowser('back office in the browser', () => {
  let session: BrowserSession;
  let caseworker: TestStaff;
  let caseId: string;

  beforeAll(async () => {
    session = await startBrowserSession({
      clock: new TestClock(NOW),
      appDeps: (db) => ({ caseEngine: fixtureEngine(db).deps }),
    });
    const { db, storage } = session.ctx;
    const wurzen = await tenantIdOf(db, 'wurzen');
    caseworker = await createStaff(db, { tenantSlug: 'wurzen', role: 'caseworker', displayName: 'Erika Muster' });
    caseId = await insertCase(db, wurzen, {
      reference: 'WUR-GEW-2026-000301',
      applicantName: 'Anna Müller',
      companyName: 'Bäckerei <b>Müller</b>',
      data: { companyName: 'Bäckerei Müller', age: 16, activity: 'Backwaren aller Art' },
      submittedAt: new Date('2026-11-24T09:00:00Z'),
      dueAt: new Date('2026-11-27T09:00:00Z'),
    });
    await insertCaseFile(db, storage, wurzen, caseId, { name: 'Grundriss.png', mediaType: 'image/png', content: PNG });
    await evaluateRules(fixtureEngine(db).deps, { tenantId: wurzen, caseId, now: NOW });
    await db.withTenant(wurzen, (trx) => appendCaseEvent(trx, wurzen, { caseId, at: NOW, actorKind: 'caseworker', actorId: caseworker.id, type: 'note', data: { text: 'Rückruf am Montag.' } }));
    for (let i = 0; i < 3; i++) {
      const other = await insertCase(db, wurzen, { reference: `WUR-SPM-2026-00040${i}`, applicantName: `Person ${i}`, state: i === 0 ? 'closed' : 'submitted', submittedAt: new Date(`2026-11-0${i + 2}T09:00:00Z`), closedAt: i === 0 ? new Date('2026-11-05T09:00:00Z') : null });
      if (i === 0) await db.withTenant(wurzen, (trx) => appendCaseEvent(trx, wurzen, { caseId: other, at: NOW, actorKind: 'system', type: 'transition', data: { transition: 'transmit', from: 'confirmed', to: 'closed' } }));
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(): Promise<{ page: Page; problems: string[] }> {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto('/staff/login');
    await page.getByLabel('E-Mail-Adresse').fill(caseworker.email);
    await page.getByLabel('Passwort').fill(caseworker.password);
    await Promise.all([page.waitForURL('**/wurzen/staff'), page.getByRole('button', { name: 'Anmelden' }).click()]);
    return { page, problems };
  }

  it('inbox, case page, confirmation page, my tasks and dashboard have no serious accessibility violations', async () => {
    const { page, problems } = await signIn();
    for (const url of ['/wurzen/staff/vorgaenge', '/wurzen/staff/vorgaenge?stand=alle&suche=m%C3%BCller&stand=%3Cx%3E', `/wurzen/staff/vorgaenge/${caseId}`, '/wurzen/staff/aufgaben', '/wurzen/staff/auswertung?wochen=4']) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await checkA11y(page);
    }
    // The confirmation page of a step with a required reason, and the same page with its error.
    await page.goto(`/wurzen/staff/vorgaenge/${caseId}`);
    await Promise.all([page.waitForURL('**/schritte/reject'), page.getByRole('button', { name: 'Ablehnen' }).click()]);
    await checkA11y(page);
    await page.getByRole('button', { name: '„Ablehnen“ ausführen' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.getByText('Bitte geben Sie „Begründung“ an.').count()).toBeGreaterThan(0);
    await checkA11y(page);
    // The chart is an image with a name; its numbers are in a table.
    await page.goto('/wurzen/staff/auswertung?wochen=4');
    expect(await page.getByRole('img', { name: 'Eingänge je Woche nach Leistung' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Tabelle: Eingänge je Woche nach Leistung' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('assigns a case to me from the inbox and takes a step with its confirmation, by keyboard alone', async () => {
    const { page, problems } = await signIn();
    await page.goto('/wurzen/staff/vorgaenge');
    // Tab to the row's "assign to me" button and press Enter.
    await tabUntil(page, '"Mir zuweisen" of WUR-GEW-2026-000301', async () => (await focusedAttribute(page, 'aria-label')) === 'Vorgang WUR-GEW-2026-000301 mir zuweisen');
    await Promise.all([page.waitForURL('**/vorgaenge?hinweis=zugewiesen'), page.keyboard.press('Enter')]);
    expect(await page.getByText('Die Zuweisung wurde gespeichert.').count()).toBe(1);

    // Open the case by keyboard.
    await tabUntil(page, 'the case link', async () => (await focusedText(page)) === 'WUR-GEW-2026-000301');
    await Promise.all([page.waitForURL(`**/vorgaenge/${caseId}`), page.keyboard.press('Enter')]);
    expect(await page.locator('#case-assignee').textContent()).toBe('Erika Muster');

    // The step "Ablehnen": button, confirmation page, reason typed, confirm. (Asking the applicant
    // for information has its own form, tested in information-request.test.ts.)
    await tabUntil(page, 'the step button', async () => (await focusedId(page)) === 'step-reject');
    await Promise.all([page.waitForURL('**/schritte/reject'), page.keyboard.press('Enter')]);
    await tabUntil(page, 'the reason field', async () => (await focusedId(page)) === 'input-reason');
    await page.keyboard.type('Die Einverständniserklärung der Eltern fehlt trotz Nachfrage.');
    await tabUntil(page, 'the confirm button', async () => (await focusedId(page)) === 'confirm-button', 5);
    await Promise.all([page.waitForURL(`**/vorgaenge/${caseId}?hinweis=schritt`), page.keyboard.press('Enter')]);
    expect(await page.locator('#case-state').textContent()).toBe('Abgelehnt');
    expect(await page.getByText('Die Einverständniserklärung der Eltern fehlt trotz Nachfrage.', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Der Bearbeitungsschritt wurde ausgeführt.').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
