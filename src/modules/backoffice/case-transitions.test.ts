/**
 * Workflow steps from the case page (fixture workflow receipt.workflow.json): the confirmation
 * page with the step's inputs, German errors naming the field, guards, and two caseworkers
 * acting at the same moment — one wins, the other sees the reloaded case with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { createStaff, loginAs, signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext, insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { Browser, TestClock, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';
import { evaluateRules } from '../cases/evaluate-rules.js';

const STALE_MESSAGE = 'Der Vorgang wurde inzwischen von jemand anderem bearbeitet. Die Seite wurde neu geladen';

function hidden(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

describe('workflow steps in the back office', () => {
  let ctx: TestContext;
  let wurzen: string;
  let erika: { staff: TestStaff; browser: Browser };
  let max: { staff: TestStaff; browser: Browser };

  beforeAll(async () => {
    ctx = await createBackOfficeContext({ clock: new TestClock(new Date('2026-11-28T09:00:00Z')) });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    erika = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
    max = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Max Kollege' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const transitions = (caseId: string) =>
    ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('type', '=', 'transition').orderBy('seq').execute());

  it('offers the caseworker’s steps as buttons carrying the version seen', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000001' });
    // The receipt may only be confirmed once the rules have run and found nothing blocking.
    await evaluateRules(fixtureEngine(ctx.db).deps, { tenantId: wurzen, caseId, now: new Date('2026-11-28T09:00:00Z') });
    const html = (await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body;
    for (const step of ['confirm', 'take-over', 'reject']) {
      expect(html).toContain(`action="/wurzen/staff/vorgaenge/${caseId}/schritte/${step}"`);
    }
    // The step into "information requested" opens the request form, so the applicant gets a question to answer.
    expect(html).not.toContain(`/schritte/request-information"`);
    expect(html).toContain(`href="/wurzen/staff/vorgaenge/${caseId}/nachforderung" id="step-request-information"`);
    // Citizen and system steps are not the caseworker's.
    expect(html).not.toContain('/schritte/withdraw');
    expect(html).not.toContain('/schritte/issue-receipt');
    expect(hidden(html, 'expectedVersion')).toBe('1');
  });

  it('asks for confirmation and the required reason, names the field when it is missing, then takes the step', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000002' });
    const token = await erika.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    const url = `/wurzen/staff/vorgaenge/${caseId}/schritte/reject`;
    const confirm = await erika.browser.post(url, { _csrf: token, expectedVersion: '1' });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Schritt „Ablehnen“');
    expect(confirm.body).toContain('<label class="kern-label" for="input-reason">Begründung</label>');
    expect(confirm.body).toContain('Mindestens 20 Zeichen.');
    expect(hidden(confirm.body, 'expectedVersion')).toBe('1');
    expect(hidden(confirm.body, 'confirmed')).toBe('1');
    expect(await transitions(caseId)).toHaveLength(0);

    const missing = await erika.browser.post(url, { _csrf: token, expectedVersion: '1', confirmed: '1', input_reason: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Bitte geben Sie „Begründung“ an.');
    expect(missing.body).toContain('href="#input-reason"');
    const short = await erika.browser.post(url, { _csrf: token, expectedVersion: '1', confirmed: '1', input_reason: 'zu kurz <b>' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('„Begründung“ muss mindestens 20 Zeichen lang sein.');
    expect(short.body).toContain('zu kurz &lt;b&gt;</textarea>');

    const reason = 'Die Tätigkeit ist nicht anzeigepflichtig (§ 14 GewO).';
    const done = await erika.browser.post(url, { _csrf: token, expectedVersion: '1', confirmed: '1', input_reason: reason });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/wurzen/staff/vorgaenge/${caseId}?hinweis=schritt`);
    const page = (await erika.browser.get(String(done.headers.location))).body;
    expect(page).toContain('Der Bearbeitungsschritt wurde ausgeführt.');
    expect(page).toContain('id="case-state">Abgelehnt</dd>');
    expect(page).toContain('Schritt „Ablehnen“');
    expect(page).toContain('Stand: Eingang → Abgelehnt');
    expect(page).toContain(`Begründung: ${reason}`);
    expect(page).toContain('Der Vorgang ist abgeschlossen.');
    const events = await transitions(caseId);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(erika.staff.id);
    expect(events[0]!.data).toMatchObject({ transition: 'reject', input: { reason } });
  });

  it('lets one of two caseworkers acting at the same moment win; the other gets the German message and the reloaded case', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000003' });
    const tokenErika = await erika.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    const tokenMax = await max.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    const [a, b] = await Promise.all([
      erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/take-over`, { _csrf: tokenErika, expectedVersion: '1', confirmed: '1' }),
      max.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/request-information`, {
        _csrf: tokenMax,
        expectedVersion: '1',
        confirmed: '1',
        input_reason: 'Bitte reichen Sie den Mietvertrag nach.',
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.body).toContain(STALE_MESSAGE);
    expect(loser.body).toContain('<h1 class="kern-heading-x-large">Vorgang WUR-STP-2026-000003</h1>');
    // The reloaded page shows the winner's state and the new version for the next attempt.
    const state = a.statusCode === 303 ? 'In Prüfung' : 'Nachforderung';
    expect(loser.body).toContain(`id="case-state">${state}</dd>`);
    expect(hidden(loser.body, 'expectedVersion')).toBe('2');
    expect(await transitions(caseId)).toHaveLength(1);
    const history = (await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body;
    expect(history.match(/Schritt „/g)).toHaveLength(1);
  });

  it('shows the reloaded case instead of a confirmation page for a version that is already gone', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000004' });
    const token = await erika.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    await max.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/take-over`, { _csrf: csrfTokenIn((await max.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body)!, expectedVersion: '1', confirmed: '1' });
    const res = await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/reject`, { _csrf: token, expectedVersion: '1' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(STALE_MESSAGE);
    expect(res.body).toContain('id="case-state">In Prüfung</dd>');
  });

  it('explains a step its guard refuses (a blocking finding), and refuses it when posted anyway', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000005', data: { age: 16 } });
    await evaluateRules(fixtureEngine(ctx.db).deps, { tenantId: wurzen, caseId, now: new Date('2026-11-28T09:00:00Z') });
    const html = (await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body;
    expect(html).not.toContain(`/schritte/confirm"`);
    expect(html).toContain('Empfang bescheinigen</span>: derzeit nicht möglich');
    expect(html).toContain('Bitte klären Sie zuerst die blockierenden Prüfhinweise, z. B. mit einer Nachforderung.');
    const token = csrfTokenIn(html)!;
    const res = await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/confirm`, { _csrf: token, expectedVersion: '1', confirmed: '1' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Die Voraussetzungen für diesen Bearbeitungsschritt sind nicht erfüllt.');
    expect(res.body).toContain('Bitte klären Sie zuerst die blockierenden Prüfhinweise');
    expect(await transitions(caseId)).toHaveLength(0);
  });

  it('refuses unknown steps, steps of other actors, a missing version, and other municipalities (404)', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-STP-2026-000006' });
    const token = await erika.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    expect((await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/gibt-es-nicht`, { _csrf: token, expectedVersion: '1' })).statusCode).toBe(404);
    expect((await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/withdraw`, { _csrf: token, expectedVersion: '1', confirmed: '1' })).statusCode).toBe(404);
    expect((await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/take-over`, { _csrf: token, expectedVersion: 'eins' })).statusCode).toBe(400);

    const bennewitzCase = await insertCase(ctx.db, await tenantIdOf(ctx.db, 'bennewitz'));
    expect((await erika.browser.post(`/wurzen/staff/vorgaenge/${bennewitzCase}/schritte/take-over`, { _csrf: token, expectedVersion: '1', confirmed: '1' })).statusCode).toBe(404);
    const outsider = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    const browser = new Browser(ctx.app);
    await loginAs(browser, outsider.email, outsider.password);
    const theirs = await browser.csrfFrom('/bennewitz/staff/vorgaenge');
    expect((await browser.post(`/wurzen/staff/vorgaenge/${caseId}/schritte/take-over`, { _csrf: theirs, expectedVersion: '1', confirmed: '1' })).statusCode).toBe(404);
    expect(await transitions(caseId)).toHaveLength(0);
  });
});
