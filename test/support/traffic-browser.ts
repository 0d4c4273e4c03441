/**
 * The traffic order driven in a real browser by keyboard alone: the no-parking-zone form from the
 * service page to the check page, the caseworker's sign-in and workflow steps, and a worker that
 * runs on the test's clock — the lead-time rules count working days from "today", so the rules the
 * worker runs must see the same day as the form the citizen filled in.
 */
import type { Page } from 'playwright-core';
import pino from 'pino';
import { expect } from 'vitest';
import type { Clock } from '../../src/app.js';
import { startWorker, type Worker } from '../../src/platform/jobs/worker.js';
import { createMailTransport, type MailTransport } from '../../src/platform/mail/mail-transport.js';
import { checkA11y } from './browser.js';
import { focusedElement, pressAndLoad, tabTo, typeInto } from './keyboard.js';
import type { TestContext } from './test-app.js';
import { TRAFFIC } from './traffic-journey.js';
import { waitFor } from './wait-for.js';

/** A worker running every registered job of the test app on the given clock. */
export function startClockedWorker(ctx: TestContext, clock: Clock, mail: MailTransport = createMailTransport({ from: 'verkehr@bennewitz.example' })): Promise<Worker> {
  return startWorker(ctx.queue, [...ctx.queue.jobs.values()], {
    db: ctx.db,
    settings: ctx.settings,
    clock,
    log: pino({ level: 'silent' }),
    mail,
    storage: ctx.storage,
    secret: ctx.secret,
    pollingIntervalSeconds: 0.5,
  });
}

/**
 * Chooses an option of a radio group that has none chosen yet: Tab reaches the group's first
 * option, the arrow keys move (and choose) within the group, Space chooses the first one.
 */
export async function chooseRadio(page: Page, firstOption: string, option: string): Promise<void> {
  let focused = await tabTo(page, firstOption, { tag: 'input' });
  for (let i = 0; i < 10 && !focused.name.includes(option); i++) {
    await page.keyboard.press('ArrowDown');
    focused = (await focusedElement(page))!;
  }
  expect(focused.name, `option "${option}" in the group of "${firstOption}"`).toContain(option);
  if (!focused.checked) await page.keyboard.press('Space');
  expect((await focusedElement(page))?.checked).toBe(true);
}

/** Tabs to the checkbox named `label` and ticks it with Space. */
export async function tick(page: Page, label: string): Promise<void> {
  await tabTo(page, label, { tag: 'input' });
  await page.keyboard.press('Space');
  expect((await focusedElement(page))?.checked).toBe(true);
}

/** Tabs to the button named `label`, presses Enter, and expects the page that loads to pass axe (and its address to match). */
export async function pressButton(page: Page, label: string, expected: RegExp): Promise<void> {
  await tabTo(page, label, { tag: 'button' });
  await pressAndLoad(page);
  expect(page.url()).toMatch(expected);
  await checkA11y(page);
}

/** Follows the link named `label` by keyboard; the page that loads must pass axe. */
export async function followLink(page: Page, label: string | RegExp, expected: RegExp): Promise<void> {
  await tabTo(page, label, { tag: 'a' });
  await pressAndLoad(page);
  expect(page.url()).toMatch(expected);
  await checkA11y(page);
}

/**
 * From the home page of a municipality over the service page to the page "Wann?" of a no-parking zone for a move
 * (Teichweg 10–14, even side, 15 m, parking lane), by keyboard, each page checked with axe.
 * `sign` is the sign's number as the option names it ("283" or "286").
 */
export async function hvzUpToPeriodPage(page: Page, tenantSlug: string, sign: string): Promise<void> {
  // The municipality's home page lists its online services; the service page says what is needed.
  await page.goto(`/${tenantSlug}`);
  await checkA11y(page);
  await followLink(page, 'Verkehrsrechtliche Anordnung beantragen', new RegExp(`/${tenantSlug}/${TRAFFIC}$`));
  await pressButton(page, 'Antrag starten', /\/seite\/case-type$/);

  // The guided start: the case type decides which pages follow.
  await chooseRadio(page, 'Halteverbotszone für Umzug oder Lieferung', 'Halteverbotszone');
  await pressButton(page, 'Weiter', /\/seite\/applicant$/);

  await chooseRadio(page, 'Privatperson', 'Privatperson');
  await typeInto(page, 'Vorname(n)', 'Jörg');
  await typeInto(page, 'Familienname', 'Müller-Lüdenscheidt');
  await typeInto(page, 'Straße', 'Teichweg');
  await typeInto(page, 'Hausnummer', '12');
  await typeInto(page, 'Postleitzahl', '04828');
  await typeInto(page, 'Ort', 'Bennewitz');
  await typeInto(page, 'Telefonnummer für Rückfragen', '03425 123456');
  await typeInto(page, 'E-Mail-Adresse', 'joerg@example.org');
  await chooseRadio(page, 'Ja', 'Nein'); // someone else pays the fee?
  await pressButton(page, 'Weiter', /\/seite\/no-parking$/);

  await chooseRadio(page, 'Auszug', 'Auszug');
  await chooseRadio(page, 'Absolutes Haltverbot', `(Zeichen ${sign})`);
  await typeInto(page, 'Art des Fahrzeugs', 'Umzugs-Lkw');
  await typeInto(page, 'Länge', '7,5');
  await chooseRadio(page, 'Ja', 'Nein'); // a furniture lift on the footway?
  await chooseRadio(page, 'Ich selbst', 'Ich selbst');
  await pressButton(page, 'Weiter', /\/seite\/location$/);

  // The typed-address path: street, house numbers, side and length; no drawing.
  await typeInto(page, 'Straße', 'Teichweg');
  await typeInto(page, 'Hausnummer von', '10');
  await typeInto(page, 'Hausnummer bis', '14');
  await chooseRadio(page, 'beide Straßenseiten', 'geraden Hausnummern');
  await typeInto(page, 'Länge in Metern', '15');
  await tick(page, 'Parkstreifen');
  await pressButton(page, 'Weiter', /\/seite\/period$/);
}

/** Types the period (dd.mm.yyyy), daily hours 07:00–18:00 and the purpose, then presses Enter in the last text field. */
export async function fillPeriodAndSend(page: Page, from: string, to: string): Promise<void> {
  await typeInto(page, 'Beginn', from);
  await typeInto(page, 'Ende', to);
  await typeInto(page, 'Von (Uhrzeit)', '07:00');
  await typeInto(page, 'Bis (Uhrzeit)', '18:00');
  await typeInto(page, 'Wofür brauchen Sie die Anordnung?', 'Auszug, Umzugswagen 7,5 t');
  // Enter in a textarea is a line break: the form is sent with its button.
  await tabTo(page, 'Weiter', { tag: 'button' });
  await pressAndLoad(page);
  await checkA11y(page);
}

/** From the page "Unterlagen" (nothing to upload) over the declarations to the check page. */
export async function hvzDeclarationsToCheckPage(page: Page): Promise<void> {
  await pressButton(page, 'Weiter', /\/seite\/declarations$/);
  await chooseRadio(page, 'Ja', 'Ja'); // the decision online
  await tick(page, 'Ich habe die Datenschutzhinweise gelesen');
  await tick(page, 'Ich versichere');
  await pressButton(page, 'Weiter', /\/pruefen$/);
}

/** Signs a staff member in on the login page by keyboard; lands on the municipality's staff start page. */
export async function signInByKeyboard(page: Page, staff: { email: string; password: string }, tenantSlug: string): Promise<void> {
  await page.goto('/staff/login');
  await checkA11y(page);
  await typeInto(page, 'E-Mail-Adresse', staff.email);
  await typeInto(page, 'Passwort', staff.password);
  await pressAndLoad(page);
  expect(page.url()).toMatch(new RegExp(`/${tenantSlug}/staff$`));
}

/** Takes a workflow step from the case page by keyboard: its button, then the confirmation page's button. */
export async function takeStepByKeyboard(page: Page, step: string): Promise<void> {
  await pressButton(page, step, /\/schritte\/[a-z-]+$/);
  await pressButton(page, `„${step}“ ausführen`, /\?hinweis=schritt$/);
}

/** Reloads the applicant's status page until it offers a document whose link text matches `name`; returns its address. */
export async function documentLinkOnStatusPage(page: Page, statusUrl: string, name: RegExp): Promise<string> {
  let href: string | null = null;
  await waitFor(async () => {
    await page.goto(statusUrl);
    href = await page.locator('a[href*="/dokumente/"]', { hasText: name }).first().getAttribute('href', { timeout: 500 }).catch(() => null);
    return href !== null;
  }, 30_000, `a document "${name.source}" on the status page`);
  return href!;
}
