/**
 * The acceptance journey of issue 6 in a real browser, by keyboard alone: a citizen of Bennewitz
 * applies for a 15 m no-parking zone for a move in three weeks on the typed-address path, from the
 * municipality's home page over the service page and the choice of the case type; the rules
 * find it GREEN; a caseworker approves it with one click (and its confirmation); the status page
 * offers the order, whose text names the street, the period, the sign, the latest set-up day and
 * the fee — the last three as the municipality's settings have them. The same citizen asking for
 * tomorrow is told on the form, before submitting, that it is too late and which day is the
 * earliest (Buß- und Bettag counted), with the focus on the error summary and its link leading to
 * the field.
 *
 * The clock is fixed on Monday 16 November 2026 (the app and the worker share it), so the dates
 * cannot go stale and the Saxon holiday two days later is part of the count.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/platform/calendar/calendar-date.js';
import type { Worker } from '../../src/platform/jobs/worker.js';
import { loadTrafficSettings, type TrafficSettings } from '../../src/services/verkehr/traffic-settings.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { createStaff } from '../support/factories.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { focusedElement, pressAndLoad, tabTo } from '../support/keyboard.js';
import { pdfText } from '../support/pdf-inspection.js';
import { TestClock } from '../support/test-app.js';
import { documentLinkOnStatusPage, fillPeriodAndSend, followLink, hvzDeclarationsToCheckPage, hvzUpToPeriodPage, pressButton, signInByKeyboard, startClockedWorker, takeStepByKeyboard } from '../support/traffic-browser.js';
import { waitFor } from '../support/wait-for.js';

const TODAY: CalendarDate = '2026-11-16';

/** A calendar date as the order and the form write it: "Montag, 7. Dezember 2026". */
const longGerman = (date: CalendarDate) => new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
/** "07.12.2026", as a person types a date. */
const typed = (date: CalendarDate) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
/** A fee in euros as the order prints it: "25,00 €". */
const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

describeInBrowser('traffic order (no-parking zone) in the browser', () => {
  let session: BrowserSession;
  let worker: Worker;
  let bennewitz: string;
  let settings: TrafficSettings;
  const clock = new TestClock(new Date(`${TODAY}T09:00:00+01:00`));

  beforeAll(async () => {
    session = await startBrowserSession({ clock });
    worker = await startClockedWorker(session.ctx, clock);
    bennewitz = await tenantIdOf(session.ctx.db, 'bennewitz');
    settings = await session.ctx.db.withTenant(bennewitz, (trx) => loadTrafficSettings(trx, bennewitz));
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await session?.close();
  });

  it('a 15 m zone for a move in three weeks: applied for by keyboard, GREEN, approved with one click, the order on the status page', { timeout: 360_000 }, async () => {
    const moveDay = addDays(TODAY, 21);
    // The tenant's rules: signs stand `setupFullDays` full calendar days before the first day.
    expect(settings.setupDaysCounting, 'this test computes the set-up day in calendar days').toBe('calendar');
    const latestSetup = addDays(moveDay, -(settings.setupFullDays + 1));

    const citizen = await session.newPage();
    const citizenProblems = watchConsole(citizen);
    await hvzUpToPeriodPage(citizen, 'bennewitz', settings.defaultSign);
    await fillPeriodAndSend(citizen, typed(moveDay), typed(moveDay));
    expect(citizen.url()).toMatch(/\/seite\/attachments$/);
    await hvzDeclarationsToCheckPage(citizen);

    // The check page tells by when the signs must stand.
    const check = (await citizen.locator('main').textContent()) ?? '';
    for (const text of ['Teichweg', 'Müller-Lüdenscheidt', `Zeichen ${settings.defaultSign}`, `spätestens am ${longGerman(latestSetup)}`]) expect(check).toContain(text);
    await pressButton(citizen, 'Antrag verbindlich absenden', /\/bestaetigung$/);
    const reference = /BEN-VRA-\d{4}-\d{6}/.exec((await citizen.locator('main').textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    await followLink(citizen, 'Stand Ihres Antrags ansehen', /\/bennewitz\/status\/[A-Za-z0-9_-]{43}$/);
    const statusUrl = citizen.url();

    // The worker runs the rules: GREEN drafts the order and waits for a person (§ 35a VwVfG).
    const caseRow = () => session.ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('cases').select(['id', 'state']).where('reference', '=', reference!).executeTakeFirstOrThrow());
    await waitFor(async () => (await caseRow()).state === 'decision-draft', 30_000, 'the order drafted');
    await citizen.goto(statusUrl);
    expect(await citizen.locator('main').textContent()).toContain(reference!);
    expect(await citizen.locator('a[href*="/dokumente/"]').count(), 'nothing released before the decision').toBe(0);

    const caseworker = await createStaff(session.ctx.db, { tenantSlug: 'bennewitz', role: 'caseworker', displayName: 'Erika Muster' });
    const office = await session.newPage();
    const officeProblems = watchConsole(office);
    await signInByKeyboard(office, caseworker, 'bennewitz');
    await followLink(office, 'Posteingang', /\/bennewitz\/staff\/vorgaenge$/);
    await followLink(office, reference!, new RegExp(`/bennewitz/staff/vorgaenge/${(await caseRow()).id}$`));
    const casePage = (await office.locator('main').textContent()) ?? '';
    expect(casePage).toContain('Grün: Standardfall, Anordnung vorbereitet');
    expect(casePage).toContain(`Schilder spätestens am ${longGerman(latestSetup)} aufstellen`);
    await takeStepByKeyboard(office, 'Anordnung freigeben');
    expect(await office.locator('#case-state').textContent()).toBe('Angeordnet');
    expect((await caseRow()).state).toBe('approved');

    // The status page offers the released order; its text is what the citizen reads.
    const href = await documentLinkOnStatusPage(citizen, statusUrl, /Verkehrsrechtliche Anordnung/);
    await checkA11y(citizen);
    await tabTo(citizen, /^Verkehrsrechtliche Anordnung herunterladen/, { tag: 'a' });
    const pdf = await citizen.request.get(href);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.body()))).replace(/\s+/g, ' ');
    for (const expected of [
      reference!,
      'Teichweg',
      'Hausnummern 10 bis 14',
      `${longGerman(moveDay)} bis ${longGerman(moveDay)}`,
      '07:00 bis 18:00 Uhr',
      `Zeichen ${settings.defaultSign}`,
      `spätestens am ${longGerman(latestSetup)}`,
      euros(settings.fees.HVZ.amountCents),
      `Nr. ${settings.fees.HVZ.gebOStNumber}`,
    ]) expect(text).toContain(expected);
    expect(citizenProblems).toEqual([]);
    expect(officeProblems).toEqual([]);
  });

  it('asking for tomorrow: told on the form that it is too late and the earliest day, counting Buß- und Bettag', { timeout: 240_000 }, async () => {
    clock.set(new Date(`${TODAY}T09:00:00+01:00`));
    const page = await session.newPage();
    const problems = watchConsole(page);
    await hvzUpToPeriodPage(page, 'bennewitz', settings.defaultSign);
    await fillPeriodAndSend(page, '17.11.2026', '17.11.2026');

    // Still on the period page; the focus is on the error summary, which names the earliest day:
    // three working days after Monday 16 November are 17, 19 and 20 (18 November is Buß- und Bettag
    // in Saxony), then three full days of signs: Tuesday 24 November (without the holiday, Monday 23).
    expect(page.url()).toMatch(/\/seite\/period$/);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect((await focusedElement(page))?.id).toBe('error-summary');
    const earliest = 'Der früheste mögliche Beginn ist Dienstag, 24. November 2026';
    expect(await page.locator('#error-summary').textContent()).toContain(earliest);
    expect(await page.locator('#field-period-from-error').textContent()).toContain(earliest);
    expect(await page.locator('#field-period-from').getAttribute('aria-describedby')).toContain('field-period-from-error');

    // The summary's link leads to the field; the earliest day is then accepted.
    await tabTo(page, /zu früh/, { tag: 'a' });
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toMatchObject({ id: 'field-period-from', value: '17.11.2026' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24.11.2026');
    await tabTo(page, 'Ende');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24.11.2026');
    await pressAndLoad(page); // Enter in a text field sends the page
    expect(page.url()).toMatch(/\/seite\/attachments$/);
    expect(problems).toEqual([]);
  });
});
