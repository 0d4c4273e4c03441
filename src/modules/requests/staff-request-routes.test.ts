/**
 * Information requests from the back office (fixture workflow receipt.workflow.json): the form
 * with its default deadline, German errors naming the field, the request with its event, the
 * workflow step into "information-requested" (which mails the applicant itself), the reminder
 * job, the panel on the case page, withdrawal, CSRF, and 404 for other municipalities' cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext, insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { newestRequestId, postRequestForm, queuedJobs } from '../../../test/support/factories-requests.js';
import { Browser, TestClock, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';
import { requestFormPath, withdrawRequestPath } from './request-paths.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const MESSAGE = 'Bitte reichen Sie die Einverständniserklärung Ihrer Eltern nach.';

describe('information requests in the back office', () => {
  let ctx: TestContext;
  let wurzen: string;
  let bennewitz: string;
  let erika: { staff: TestStaff; browser: Browser };

  beforeAll(async () => {
    ctx = await createBackOfficeContext({ clock: new TestClock(NOW) });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    erika = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const requestsOf = (tenantId: string, caseId: string) =>
    ctx.db.withTenant(tenantId, (trx) => trx.selectFrom('information_requests').selectAll().where('case_id', '=', caseId).orderBy('requested_at').execute());
  const eventsOf = (tenantId: string, caseId: string, type: string) =>
    ctx.db.withTenant(tenantId, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('type', '=', type).orderBy('seq').execute());

  it('shows the form with the default deadline (today + 14 days) and the state the case will enter', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { reference: 'WUR-REQ-2026-000001' });
    const res = await erika.browser.get(requestFormPath('wurzen', caseId));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label class="kern-label" for="message">Was fehlt?</label>');
    expect(res.body).toContain('name="dueDate" value="2026-12-12"');
    expect(res.body).toContain('Der Vorgang wechselt dabei in den Stand „Nachforderung“.');
    expect(res.body).toContain('Vorgang WUR-REQ-2026-000001');
  });

  it('refuses a missing, past, today’s or malformed deadline and a too short message, naming the field in German', async () => {
    const caseId = await insertCase(ctx.db, wurzen);
    const cases: [Record<string, string>, string][] = [
      [{ message: MESSAGE, dueDate: '' }, 'Bitte geben Sie bei „Antwort bis“ ein Datum an.'],
      [{ message: MESSAGE, dueDate: '2026-11-27' }, '„Antwort bis“ muss ein Tag in der Zukunft sein.'],
      [{ message: MESSAGE, dueDate: '2026-11-28' }, '„Antwort bis“ muss ein Tag in der Zukunft sein.'],
      [{ message: MESSAGE, dueDate: '2026-02-30' }, 'Bitte geben Sie bei „Antwort bis“ ein gültiges Datum an (TT.MM.JJJJ).'],
      [{ message: MESSAGE, dueDate: '2028-01-01' }, '„Antwort bis“ darf höchstens 366 Tage in der Zukunft liegen.'],
      [{ message: 'Fehlt.', dueDate: '2026-12-12' }, '„Was fehlt?“ muss mindestens 10 Zeichen lang sein.'],
      [{ message: '   ', dueDate: '2026-12-12' }, 'Bitte geben Sie bei „Was fehlt?“ an, welche Angaben oder Unterlagen fehlen.'],
    ];
    for (const [form, error] of cases) {
      const res = await postRequestForm(erika.browser, 'wurzen', caseId, { message: form.message!, dueDate: form.dueDate! });
      expect(res.statusCode, JSON.stringify(form)).toBe(400);
      expect(res.body).toContain(error);
      expect(res.body).toMatch(/<title>Fehler: /);
      // What was typed stays in the form.
      expect(res.body).toContain(`value="${form.dueDate}"`);
    }
    expect(await requestsOf(wurzen, caseId)).toHaveLength(0);
  });

  it('makes the request: row, event, workflow step with the message as reason, one applicant mail, a reminder 3 days ahead', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { applicantEmail: 'anna@example.org' });
    const res = await postRequestForm(erika.browser, 'wurzen', caseId, { message: `${MESSAGE}\nDanke!`, dueDate: '2026-12-12' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/wurzen/staff/vorgaenge/${caseId}#panel-requests`);
    const [request] = await requestsOf(wurzen, caseId);
    expect(request).toMatchObject({ status: 'open', message: `${MESSAGE}\nDanke!`, due_date: '2026-12-12', requested_by: erika.staff.id, answered_at: null });
    // 08:00 in Berlin (CET) on 9 December.
    expect(request!.remind_at?.toISOString()).toBe('2026-12-09T07:00:00.000Z');
    const [event] = await eventsOf(wurzen, caseId, 'information.requested');
    expect(event!.data).toMatchObject({ requestId: request!.id, title: { de: MESSAGE, en: MESSAGE }, dueDate: '2026-12-12' });
    expect(event!.actor_id).toBe(erika.staff.id);
    // The fixture workflow's step was taken with the message and the date as its input.
    const [step] = await eventsOf(wurzen, caseId, 'transition');
    expect(step!.data).toMatchObject({ transition: 'request-information', to: 'information-requested', input: { reason: `${MESSAGE}\nDanke!`, answerBy: '2026-12-12' } });
    // That step mails the applicant itself (the fixture sink writes the outbox), so no second mail job.
    const mails = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').select('template').where('case_id', '=', caseId).execute());
    expect(mails.map((m) => m.template)).toEqual(['information-requested']);
    expect(await queuedJobs(ctx.db, 'cases.send-message', { key: 'caseId', value: caseId })).toHaveLength(0);
    const reminders = await queuedJobs(ctx.db, 'requests.send-reminder', { key: 'requestId', value: request!.id });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.startAfter.toISOString()).toBe('2026-12-09T07:00:00.000Z');
  });

  it('queues the applicant mail itself when the case is in a state without the workflow’s step, and no reminder for a near deadline', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { state: 'confirmed', applicantEmail: 'anna@example.org' });
    expect((await postRequestForm(erika.browser, 'wurzen', caseId, { message: MESSAGE, dueDate: '2026-11-30' })).statusCode).toBe(303);
    const [request] = await requestsOf(wurzen, caseId);
    expect(request!.remind_at).toBeNull();
    expect(await eventsOf(wurzen, caseId, 'transition')).toHaveLength(0);
    const jobs = await queuedJobs(ctx.db, 'cases.send-message', { key: 'caseId', value: caseId });
    expect(jobs.map((j) => j.data)).toEqual([{ tenantId: wurzen, caseId, eventKey: `request:${request!.id}`, template: 'information-requested', to: 'applicant' }]);
    expect(await queuedJobs(ctx.db, 'requests.send-reminder', { key: 'requestId', value: request!.id })).toHaveLength(0);
  });

  it('shows the requests on the case page’s panel with the form link and a withdraw button; withdrawing twice is refused', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { state: 'confirmed' });
    const empty = await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(empty.body).toContain('<h2 id="panel-requests" class="kern-heading-medium">Nachforderungen</h2>');
    expect(empty.body).toContain('Zu diesem Vorgang wurden noch keine Angaben nachgefordert.');
    expect(empty.body).toContain(`href="${requestFormPath('wurzen', caseId)}">Angaben mit Frist nachfordern</a>`);
    await postRequestForm(erika.browser, 'wurzen', caseId, { message: 'Bitte <b>Grundriss</b> nachreichen.', dueDate: '2026-12-12' });
    const requestId = await newestRequestId(ctx.db, wurzen, caseId);
    const page = await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(page.body).toContain('Nachforderung vom 28. November 2026');
    expect(page.body).toContain('Antwort bis: 12. Dezember 2026');
    expect(page.body).toContain('Gestellt von: Erika Muster');
    expect(page.body).toContain('Nachricht: Bitte &lt;b&gt;Grundriss&lt;/b&gt; nachreichen.');
    expect(page.body).toContain(`action="${withdrawRequestPath('wurzen', caseId, requestId)}"`);

    const token = csrfTokenIn(page.body)!;
    const withdrawn = await erika.browser.post(withdrawRequestPath('wurzen', caseId, requestId), { _csrf: token, caseUrl: `/wurzen/staff/vorgaenge/${caseId}` });
    expect(withdrawn.statusCode).toBe(303);
    const [request] = await requestsOf(wurzen, caseId);
    expect(request).toMatchObject({ status: 'withdrawn', withdrawn_by: erika.staff.id });
    expect(await eventsOf(wurzen, caseId, 'information.withdrawn')).toHaveLength(1);
    expect((await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body).toContain('Zurückgenommen');
    const again = await erika.browser.post(withdrawRequestPath('wurzen', caseId, requestId), { _csrf: token });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Diese Nachforderung ist nicht mehr offen');
  });

  it('warns on the panel when the case waits in "information-requested" without an open request (reached by the workflow’s own step)', async () => {
    const caseId = await insertCase(ctx.db, wurzen, { state: 'information-requested' });
    const page = await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(page.body).toContain('Der Vorgang wartet auf eine Antwort, aber es ist keine Nachforderung offen');
    // Asking from there makes the request without a further step; the warning goes.
    expect((await postRequestForm(erika.browser, 'wurzen', caseId, { message: MESSAGE, dueDate: '2026-12-12' })).statusCode).toBe(303);
    expect(await eventsOf(wurzen, caseId, 'transition')).toHaveLength(0);
    expect((await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body).not.toContain('keine Nachforderung offen');
  });

  it('refuses a request on a closed case (409) and a post without or with a foreign CSRF token (403)', async () => {
    const closed = await insertCase(ctx.db, wurzen, { state: 'closed', closedAt: NOW });
    expect((await erika.browser.get(requestFormPath('wurzen', closed))).statusCode).toBe(409);
    const caseId = await insertCase(ctx.db, wurzen);
    const token = await erika.browser.csrfFrom(requestFormPath('wurzen', caseId));
    const refused = await erika.browser.post(requestFormPath('wurzen', closed), { _csrf: token, message: MESSAGE, dueDate: '2026-12-12' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Der Vorgang ist abgeschlossen.');
    expect((await erika.browser.post(requestFormPath('wurzen', caseId), { message: MESSAGE, dueDate: '2026-12-12' })).statusCode).toBe(403);
    const other = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen' });
    const foreign = await other.browser.csrfFrom(requestFormPath('wurzen', caseId));
    expect((await erika.browser.post(requestFormPath('wurzen', caseId), { _csrf: foreign, message: MESSAGE, dueDate: '2026-12-12' })).statusCode).toBe(403);
    expect(await requestsOf(wurzen, caseId)).toHaveLength(0);
  });

  it('answers 404 for another municipality’s case and request, by URL and by id, and changes nothing', async () => {
    const theirs = await insertCase(ctx.db, bennewitz);
    const ben = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    await postRequestForm(ben.browser, 'bennewitz', theirs, { message: MESSAGE, dueDate: '2026-12-12' });
    const theirRequest = await newestRequestId(ctx.db, bennewitz, theirs);
    const mine = await insertCase(ctx.db, wurzen);
    const token = await erika.browser.csrfFrom(requestFormPath('wurzen', mine));
    const form = { _csrf: token, message: MESSAGE, dueDate: '2026-12-12' };
    for (const slug of ['bennewitz', 'wurzen']) {
      expect((await erika.browser.get(requestFormPath(slug, theirs))).statusCode, slug).toBe(404);
      expect((await erika.browser.post(requestFormPath(slug, theirs), form)).statusCode, slug).toBe(404);
      expect((await erika.browser.post(`${requestFormPath(slug, theirs)}/gesehen`, form)).statusCode, slug).toBe(404);
      expect((await erika.browser.post(withdrawRequestPath(slug, theirs, theirRequest), form)).statusCode, slug).toBe(404);
    }
    // Their request id under my own case is not found either.
    expect((await erika.browser.post(withdrawRequestPath('wurzen', mine, theirRequest), form)).statusCode).toBe(404);
    expect((await erika.browser.post(withdrawRequestPath('wurzen', mine, 'kein-uuid'), form)).statusCode).toBe(404);
    expect(await requestsOf(bennewitz, theirs)).toMatchObject([{ status: 'open' }]);
  });
});
