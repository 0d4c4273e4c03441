/**
 * The acceptance journey of issue 5 in a real browser: a sole trader in Wurzen registers a
 * web-design business (GewA1) by keyboard alone. Within seconds of submitting, the status page
 * offers the Empfangsbescheinigung (its text carries the name with umlauts, the activity and the
 * reference number), the Gewerberegister has an active entry, and each applicable recipient has
 * one delivery, delivered on the file-drop channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, berlinDateOf } from '../../src/platform/calendar/calendar-date.js';
import type { Worker } from '../../src/platform/jobs/worker.js';
import { configureWurzenRecipients, startTestWorker } from '../../src/services/gewerbe/testing/gewerbe-harness.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { focusedElement, pressAndLoad, tabTo, typeInto } from '../support/keyboard.js';
import { pdfText } from '../support/pdf-inspection.js';
import { waitFor } from '../support/wait-for.js';

describeInBrowser('Gewerbe-Anmeldung in the browser', () => {
  let session: BrowserSession;
  let worker: Worker;
  let wurzen: string;
  const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-gewa1-drop-'));

  beforeAll(async () => {
    session = await startBrowserSession({ settings: { deliveryDropDir: dropDir } });
    worker = await startTestWorker(session.ctx);
    wurzen = await tenantIdOf(session.ctx.db, 'wurzen');
    await configureWurzenRecipients(session.ctx, wurzen);
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await session?.close();
    fs.rmSync(dropDir, { recursive: true, force: true });
  });

  /** Chooses the second option ("Nein") of the yes/no group whose first option is next in the tab order. */
  async function answerNo(page: import('playwright-core').Page): Promise<void> {
    await tabTo(page, 'Ja', { tag: 'input' });
    await page.keyboard.press('ArrowDown');
    expect(await focusedElement(page)).toMatchObject({ name: 'Nein', checked: true });
  }

  async function next(page: import('playwright-core').Page, expected: RegExp): Promise<void> {
    await tabTo(page, 'Weiter', { tag: 'button' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(expected);
  }

  it('registers a web-design business by keyboard; the receipt, the register entry and the deliveries follow within seconds', { timeout: 180_000 }, async () => {
    const page = await session.newPage();
    const problems = watchConsole(page);
    await page.goto('/wurzen/gewerbe?anliegen=start');
    await tabTo(page, 'Zur Gewerbeanmeldung', { tag: 'a' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/wurzen\/gewerbe-anmeldung$/);
    await tabTo(page, 'Antrag starten', { tag: 'button' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/seite\/anzeige$/);

    await answerNo(page); // § 55c
    await answerNo(page); // vending machines
    await next(page, /\/seite\/rechtsform$/);

    await tabTo(page, 'Rechtsform des Betriebs', { tag: 'select' });
    await page.keyboard.type('Einzelunternehmen');
    expect((await focusedElement(page))?.value).toBe('sole-trader');
    await next(page, /\/seite\/person$/);

    await typeInto(page, 'Vorname(n)', 'Jörg');
    await typeInto(page, 'Familienname', 'Müßig-Äbelé');
    await tabTo(page, 'männlich', { tag: 'input' });
    await page.keyboard.press('Space');
    await typeInto(page, /^Geburtsdatum/, '12.04.1988');
    await typeInto(page, 'Geburtsort', 'Leipzig');
    await tabTo(page, 'Geburtsland', { tag: 'select' });
    await page.keyboard.type('Deutschland');
    await tabTo(page, 'Staatsangehörigkeit', { tag: 'select' });
    await page.keyboard.type('Deutschland');
    await typeInto(page, 'Straße', 'Domplatz');
    await typeInto(page, 'Hausnummer', '5');
    await typeInto(page, 'Postleitzahl', '04808');
    await typeInto(page, 'Ort', 'Wurzen');
    await typeInto(page, 'Telefonnummer', '03425 123456');
    await typeInto(page, 'E-Mail-Adresse', 'joerg@example.org');
    await pressAndLoad(page); // Enter in a text field continues
    expect(page.url()).toMatch(/\/seite\/betrieb$/);

    await typeInto(page, 'Geschäftsbezeichnung', 'Pixelwerk Wurzen');
    await tabTo(page, 'Hauptniederlassung', { tag: 'input' });
    await page.keyboard.press('Space');
    await typeInto(page, 'Straße', 'Jacobsplatz');
    await typeInto(page, 'Hausnummer', '3');
    await typeInto(page, 'Postleitzahl', '04808');
    await typeInto(page, 'Ort', 'Wurzen');
    await answerNo(page); // public sector share
    await next(page, /\/seite\/taetigkeit$/);

    await typeInto(page, 'Angemeldete Tätigkeit', 'Webdesign und Programmierung von Internetseiten');
    await tabTo(page, 'Wirtschaftszweig', { tag: 'select' });
    await page.keyboard.type('62.01');
    expect((await focusedElement(page))?.value).toBe('62.01');
    await answerNo(page); // sideline
    const start = addDays(berlinDateOf(new Date()), 3);
    await typeInto(page, /^Datum des Beginns/, `${start.slice(8, 10)}.${start.slice(5, 7)}.${start.slice(0, 4)}`);
    await tabTo(page, 'Sonstiges', { tag: 'input' });
    await page.keyboard.press('Space');
    await typeInto(page, /^Zahl der Vollzeit/, '0');
    await typeInto(page, /^Zahl der Teilzeit/, '0');
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/seite\/grund$/);

    await tabTo(page, 'Neuerrichtung', { tag: 'input' });
    await page.keyboard.press('Space');
    await next(page, /\/seite\/erlaubnisse$/);

    await answerNo(page); // no permit needed
    await next(page, /\/seite\/erklaerung$/);

    await tabTo(page, /^Ich versichere/);
    await page.keyboard.press('Space');
    await next(page, /\/pruefen$/);

    const check = (await page.locator('main').textContent()) ?? '';
    for (const text of ['Müßig-Äbelé', 'Webdesign und Programmierung von Internetseiten', 'Industrie- und Handelskammer', 'ELSTER']) expect(check).toContain(text);
    await checkA11y(page);
    await tabTo(page, 'Antrag verbindlich absenden', { tag: 'button' });
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/bestaetigung$/);
    const reference = /WUR-GEW-\d{4}-\d{6}/.exec((await page.locator('main').textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();

    // The status page offers the receipt within seconds (the worker runs rules, receipt and deliveries).
    await tabTo(page, /Status|Stand/, { tag: 'a' });
    await pressAndLoad(page);
    const statusUrl = page.url();
    let pdfHref: string | null = null;
    await waitFor(async () => {
      await page.goto(statusUrl);
      pdfHref = await page.locator('a[href*="/dokumente/"]').first().getAttribute('href', { timeout: 500 }).catch(() => null);
      return pdfHref !== null;
    }, 30_000, 'receipt on the status page');
    await checkA11y(page);
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.body()));
    for (const expected of ['Empfangsbescheinigung', 'Jörg Müßig-Äbelé', 'Webdesign und Programmierung von Internetseiten', reference!]) expect(text).toContain(expected);

    const db = session.ctx.db;
    const entry = await db.withTenant(wurzen, (trx) => trx.selectFrom('gewerbe_register_entries').select(['status', 'holder_name']).where('holder_name', '=', 'Jörg Müßig-Äbelé').executeTakeFirstOrThrow());
    expect(entry.status).toBe('active');
    const caseId = (await db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select('id').where('reference', '=', reference!).executeTakeFirstOrThrow())).id;
    await waitFor(async () => {
      const rows = await db.withTenant(wurzen, (trx) => trx.selectFrom('deliveries').select('status').where('case_id', '=', caseId).execute());
      return rows.length === 3 && rows.every((r) => r.status === 'delivered');
    }, 30_000, 'three deliveries delivered');
    const recipients = await db.withTenant(wurzen, (trx) => trx.selectFrom('deliveries').select(['recipient_id', 'channel_type']).where('case_id', '=', caseId).orderBy('recipient_id').execute());
    expect(recipients).toEqual([
      { recipient_id: 'dguv', channel_type: 'file-drop' },
      { recipient_id: 'finanzamt', channel_type: 'file-drop' },
      { recipient_id: 'ihk', channel_type: 'file-drop' },
    ]);
    expect(problems).toEqual([]);
  });
});
