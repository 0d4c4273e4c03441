/**
 * The fixture service umzugsmeldung (test/fixtures/services/) walked through in a real browser
 * by filling and clicking: start page, a page refused with errors, save and resume, both branches
 * of the page condition, a repeating-group row, a refused and an accepted upload, the
 * declaration, check answers, submit, confirmation and status page. Controls are found by their
 * form names, so the same walk runs in German and English; `visit` sees every page type on the
 * way (e.g. to run axe on it).
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** A small valid PDF (the upload check reads the content, not the name). */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: refused as a PDF whatever its name says. */
export const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** The kinds of pages the walk passes, in the order it passes them. */
export type JourneyPage = 'start' | 'question' | 'errors' | 'save' | 'save-errors' | 'save-sent' | 'upload-errors' | 'check' | 'confirmation' | 'status';

export interface JourneyOptions {
  locale: 'de' | 'en';
  /** Answer "from abroad" (the abroad page) or not (the previous-home page). */
  fromAbroad: boolean;
  /** Called on each page once it is loaded. */
  visit?: (page: Page, kind: JourneyPage) => Promise<void>;
}

export interface JourneyResult {
  reference: string;
  /** `/{tenant}/status/{token}` from the confirmation page. */
  statusPath: string;
}

/** Clicks a button or link and waits until the page it leads to has loaded. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await Promise.all([navigated, target.click()]);
  await page.waitForLoadState('load');
}

const byName = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const continueButton = (page: Page) => page.locator('.rc-actions button[value="continue"]');

/** Fills inputs by their form names. */
async function fillAll(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await byName(page, name).fill(value);
}

/** Walks umzugsmeldung of Wurzen from its start page to the status page. */
export async function completeUmzugsmeldung(page: Page, opts: JourneyOptions): Promise<JourneyResult> {
  const visit = async (kind: JourneyPage) => opts.visit?.(page, kind);
  await page.goto(`/wurzen/umzugsmeldung?lang=${opts.locale}`);
  expect(await page.getAttribute('html', 'lang')).toBe(opts.locale);
  await visit('start');
  await clickAndLoad(page, page.locator('form[action$="/antrag"] button[type="submit"]'));
  expect(page.url()).toMatch(/\/seite\/person$/);
  await visit('question');

  // A date that does not exist: the page comes back with the summary and the values kept.
  await fillAll(page, { 'name.given': 'Jörg', 'name.family': 'Müller-Lüdenscheidt', birthDate: '31.02.1985', email: 'joerg@example.org' });
  await clickAndLoad(page, continueButton(page));
  await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
  expect(await byName(page, 'name.given').inputValue()).toBe('Jörg');
  expect(await byName(page, 'birthDate').inputValue()).toBe('31.02.1985');
  await visit('errors');

  // Save and resume by the link, as on another device later.
  await clickAndLoad(page, page.locator('a[href$="/speichern"]'));
  await visit('save');
  await byName(page, 'email').fill('kein-at-zeichen');
  await clickAndLoad(page, page.locator('form[action$="/speichern"] button[type="submit"]'));
  await visit('save-errors');
  await byName(page, 'email').fill('joerg@example.org');
  await clickAndLoad(page, page.locator('form[action$="/speichern"] button[type="submit"]'));
  await visit('save-sent');
  await clickAndLoad(page, page.locator('main a[href*="/antrag/"]:not([href$="/speichern"])').last());
  expect(page.url()).toMatch(/\/seite\/person$/);
  expect(await byName(page, 'name.family').inputValue()).toBe('Müller-Lüdenscheidt');

  await byName(page, 'birthDate').fill('01.06.1985');
  await clickAndLoad(page, continueButton(page));
  expect(page.url()).toMatch(/\/seite\/new-home$/);
  await fillAll(page, { 'newAddress.street': 'Markt', 'newAddress.houseNumber': '1', 'newAddress.postalCode': '04808', 'newAddress.town': 'Wurzen', moveInDate: '20.11.2026' });
  await page.locator(`input[name="fromAbroad"][value="${opts.fromAbroad ? 'yes' : 'no'}"]`).check();
  await clickAndLoad(page, continueButton(page));

  // The page condition: only the page that fits the answer comes next.
  if (opts.fromAbroad) {
    expect(page.url()).toMatch(/\/seite\/abroad$/);
    await fillAll(page, { 'foreignAddress.street': 'ul. Długa', 'foreignAddress.houseNumber': '7', 'foreignAddress.postalCode': '80-831', 'foreignAddress.town': 'Gdańsk' });
    await byName(page, 'foreignAddress.country').selectOption('PL');
  } else {
    expect(page.url()).toMatch(/\/seite\/previous-home$/);
    await fillAll(page, { 'previousAddress.street': 'Hauptstraße', 'previousAddress.houseNumber': '5', 'previousAddress.postalCode': '04103', 'previousAddress.town': 'Leipzig' });
  }
  await clickAndLoad(page, continueButton(page));

  expect(page.url()).toMatch(/\/seite\/household$/);
  await page.locator('input[name="movesWithOthers"][value="yes"]').check();
  await clickAndLoad(page, page.locator('button[value="add-row:members"]'));
  await visit('question');
  await fillAll(page, { 'members[0].name.given': 'Ben', 'members[0].name.family': 'Müller', 'members[0].birthDate': '02.04.2015' });
  await byName(page, 'members[0].relation').selectOption('child');
  await clickAndLoad(page, continueButton(page));

  expect(page.url()).toMatch(/\/seite\/documents$/);
  await byName(page, 'landlordConfirmation').setInputFiles({ name: 'rechnung.pdf', mimeType: 'application/pdf', buffer: SAMPLE_EXE });
  await clickAndLoad(page, continueButton(page));
  expect(await page.locator('main').textContent()).toContain('rechnung.pdf');
  await visit('upload-errors');
  await byName(page, 'landlordConfirmation').setInputFiles({ name: 'Bestätigung.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await clickAndLoad(page, continueButton(page));

  expect(page.url()).toMatch(/\/seite\/declaration$/);
  await byName(page, 'truthful').check();
  await clickAndLoad(page, continueButton(page));

  expect(page.url()).toMatch(/\/pruefen$/);
  const answers = await page.locator('main').textContent();
  for (const text of ['Müller-Lüdenscheidt', 'Ben', 'Bestätigung.pdf', opts.fromAbroad ? 'Gdańsk' : 'Leipzig']) expect(answers).toContain(text);
  await visit('check');
  await clickAndLoad(page, page.locator('form[action$="/absenden"] button[type="submit"]'));

  expect(page.url()).toMatch(/\/bestaetigung$/);
  const reference = /WUR-UMZ-\d{4}-\d{6}/.exec((await page.locator('main').textContent()) ?? '')?.[0];
  expect(reference).toBeDefined();
  await visit('confirmation');
  const statusPath = (await page.locator('a[href*="/status/"]').getAttribute('href'))!;
  await clickAndLoad(page, page.locator('a[href*="/status/"]'));
  expect(await page.locator('main').textContent()).toContain(reference!);
  await visit('status');
  return { reference: reference!, statusPath };
}
