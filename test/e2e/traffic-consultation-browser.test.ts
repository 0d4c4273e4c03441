/**
 * The consultation of issue 6 in a real browser: road works with a full closure on the Teichweg
 * in Bennewitz need the police and the rescue control centre heard. The caseworker starts the
 * consultation by keyboard; the police opens its personal link from the mail it received (a real
 * SMTP server) in a browser that has never signed in, and agrees with conditions by keyboard; the
 * caseworker approves, and the order the applicant downloads carries the police's condition. A link
 * of the deadline past, and a link opened under another municipality, are refused in plain words.
 * Every page passes axe.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/platform/calendar/calendar-date.js';
import type { Worker } from '../../src/platform/jobs/worker.js';
import { createMailTransport } from '../../src/platform/mail/mail-transport.js';
import { checkA11y, describeInBrowser, startBrowserSession, watchConsole, type BrowserSession } from '../support/browser.js';
import { createStaff } from '../support/factories.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { focusedElement, typeInto } from '../support/keyboard.js';
import { pdfText } from '../support/pdf-inspection.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { TestClock } from '../support/test-app.js';
import { chooseRadio, documentLinkOnStatusPage, followLink, pressButton, signInByKeyboard, startClockedWorker, takeStepByKeyboard } from '../support/traffic-browser.js';
import { applyAndProcess, worksAnswers } from '../support/traffic-journey.js';
import { waitFor } from '../support/wait-for.js';

const POLICE = { id: 'polizei', name: 'Polizeirevier Wurzen', email: 'revier@polizei.example' };
const RESCUE = { id: 'rettung', name: 'Integrierte Regionalleitstelle', email: 'leitstelle@rettung.example' };
const CONDITION = 'Umleitung über die Muldenstraße ausschildern; Zufahrt für Rettungswagen jederzeit freihalten.';

describeInBrowser('traffic order consultation in the browser', () => {
  let session: BrowserSession;
  let smtp: TestSmtp;
  let worker: Worker;
  let bennewitz: string;
  let works: Awaited<ReturnType<typeof applyAndProcess>>;
  const clock = new TestClock(new Date('2026-11-16T09:00:00+01:00'));
  /** The path of each party's personal link, as its mail gave it. */
  const links: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startTestSmtp();
    session = await startBrowserSession({ clock });
    const { ctx } = session;
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    // The parties Bennewitz consults (the matrix of verkehr.md § 4.3): police for closures, rescue for full closures.
    await ctx.db.withTenant(bennewitz, (trx) =>
      trx
        .insertInto('traffic_consultation_parties')
        .values([
          { tenant_id: bennewitz, ...POLICE, kind: 'police', triggers: ['carriageway', 'closure'] },
          { tenant_id: bennewitz, ...RESCUE, kind: 'fire-rescue', triggers: ['full-closure'] },
        ])
        .execute(),
    );
    // The application itself is made over HTTP (its browser journey is the no-parking zone's test).
    works = await applyAndProcess(ctx, clock, { slug: 'bennewitz', id: bennewitz }, worksAnswers());
    worker = await startClockedWorker(ctx, clock, createMailTransport({ smtpUrl: smtp.url, from: 'verkehr@bennewitz.example' }));
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await session?.close();
    await smtp?.close();
  });

  /** The first mail that reached `address` with a link to a statement page; its link's path. */
  async function linkMailedTo(address: string): Promise<string> {
    let mail: ParsedMail | undefined;
    await waitFor(async () => {
      mail = smtp.messages.find((m) => m.text?.includes('/anhoerung/') && JSON.stringify(m.to).includes(address));
      return mail !== undefined;
    }, 30_000, `the consultation mail to ${address}`);
    expect(mail!.subject).toContain(works.reference);
    return new URL(/https?:\/\/\S+\/anhoerung\/[A-Za-z0-9_-]+/.exec(mail!.text!)![0]).pathname;
  }

  it('the caseworker starts it by keyboard; the police agrees with conditions through its link without signing in; the order carries the condition', { timeout: 360_000 }, async () => {
    const caseworker = await createStaff(session.ctx.db, { tenantSlug: 'bennewitz', role: 'caseworker', displayName: 'Erika Muster' });
    const office = await session.newPage();
    const officeProblems = watchConsole(office);
    await signInByKeyboard(office, caseworker, 'bennewitz');
    await followLink(office, 'Posteingang', /\/staff\/vorgaenge$/);
    await followLink(office, works.reference, new RegExp(`/staff/vorgaenge/${works.row.id}$`));
    const caseUrl = office.url();
    expect(await office.locator('main').textContent()).toContain('Gelb');

    // The form proposes the parties of the matrix; the caseworker adds a message and starts it.
    await followLink(office, 'Anhörung starten', /\/anhoerung$/);
    expect(await office.getByLabel(POLICE.name).isChecked()).toBe(true);
    expect(await office.getByLabel(RESCUE.name).isChecked()).toBe(true);
    await typeInto(office, 'Nachricht an die Beteiligten', 'Vollsperrung für Glasfaser-Hausanschlüsse.');
    await pressButton(office, 'Anhörung starten', new RegExp(`/staff/vorgaenge/${works.row.id}#panel-traffic$`));

    // The police's mail holds its personal link; a browser without any cookie opens it.
    links.police = await linkMailedTo(POLICE.email);
    links.rescue = await linkMailedTo(RESCUE.email);
    const police = await session.newPage();
    const policeProblems = watchConsole(police);
    expect(await police.context().cookies(), 'a browser that never signed in').toEqual([]);
    expect((await police.goto(links.police))?.status()).toBe(200);
    await checkA11y(police);
    const request = (await police.locator('main').textContent()) ?? '';
    for (const text of [works.reference, 'Teichweg', 'Vollsperrung für Glasfaser-Hausanschlüsse.']) expect(request).toContain(text);
    expect(request).not.toContain('joerg@example.org');

    await chooseRadio(police, 'Zustimmung', 'Zustimmung mit Auflagen');
    await typeInto(police, 'Auflagen oder Einwände', CONDITION);
    expect((await focusedElement(police))?.value).toBe(CONDITION);
    await pressButton(police, 'Stellungnahme absenden', new RegExp(`${links.police}$`));
    const answered = (await police.locator('main').textContent()) ?? '';
    expect(answered).toContain('Vielen Dank');
    expect(answered).toContain('Zustimmung mit Auflagen');
    expect(answered).toContain(CONDITION);
    expect(await police.locator('form[method="post"]').count(), 'answered once, no form any more').toBe(0);
    expect(policeProblems).toEqual([]);

    // Back on the case: the answer is there; review and approve by keyboard.
    await office.goto(caseUrl);
    await checkA11y(office);
    expect(await office.locator('main').textContent()).toContain('Zustimmung mit Auflagen');
    await takeStepByKeyboard(office, 'In Prüfung nehmen');
    await takeStepByKeyboard(office, 'Anordnung freigeben');
    expect(await office.locator('#case-state').textContent()).toBe('Angeordnet');
    expect(officeProblems).toEqual([]);

    // The applicant's status page offers the order; the police's condition is part of it.
    const applicant = await session.newPage();
    const href = await documentLinkOnStatusPage(applicant, works.statusPath, /Verkehrsrechtliche Anordnung/);
    await checkA11y(applicant);
    const pdf = await applicant.request.get(href);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.body()))).replace(/\s+/g, ' ');
    expect(text).toContain(`${CONDITION} (Auflage von ${POLICE.name})`);
    expect(text).toContain(works.reference);
  });

  it('refuses the link under another municipality and after the deadline, in plain words', { timeout: 120_000 }, async () => {
    expect(links.police, 'the links come from the first test').toBeDefined();
    const visitor = await session.newPage();
    const problems = watchConsole(visitor);

    // The police's own link, opened under Wurzen: no such link there (404, nothing about the case).
    const foreign = await visitor.goto(links.police!.replace('/bennewitz/', '/wurzen/'));
    expect(foreign?.status()).toBe(404);
    const foreignText = (await visitor.locator('main').textContent()) ?? '';
    expect(foreignText).toContain('Dieser Link zur Stellungnahme ist ungültig');
    expect(foreignText).not.toContain(works.reference);
    await checkA11y(visitor);

    // The rescue centre did not answer; the day after its deadline the link is closed (410).
    // Until its deadline the same link still asks for the statement.
    expect((await visitor.goto(links.rescue!))?.status()).toBe(200);
    expect(await visitor.locator('textarea').count()).toBe(1);
    const due = await session.ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('traffic_consultations').select('due_date').where('case_id', '=', works.row.id).where('party_id', '=', RESCUE.id).executeTakeFirstOrThrow());
    const dayAfter: CalendarDate = addDays(String(due.due_date).slice(0, 10) as CalendarDate, 1);
    clock.set(new Date(`${dayAfter}T08:00:00+01:00`));
    const expired = await visitor.goto(links.rescue!);
    expect(expired?.status()).toBe(410);
    const expiredText = (await visitor.locator('main').textContent()) ?? '';
    expect(expiredText).toContain('Die Frist für diese Stellungnahme ist abgelaufen');
    expect(await visitor.locator('textarea, input[type="radio"]').count()).toBe(0);
    await checkA11y(visitor);
    expect(problems).toEqual([]);
  });
});
