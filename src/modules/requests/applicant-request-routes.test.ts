/**
 * The applicant answers an information request below the status link: the status page shows the
 * open request with its message, deadline and form; an answer with a file is recorded (files,
 * event, status, office mail, the workflow's answer step) and appears on the case page's panel
 * and, marked, in the inbox; CSRF bound to the status link; German errors; one answer per
 * request; another municipality's link or another case's request is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { SAMPLE_PDF, caseWithStatusLink, newestRequestId, postAnswer, postRequestForm, statusPageToken } from '../../../test/support/factories-requests.js';
import { Browser, TestClock, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';
import { answerPath, caseFilePath, statusPagePath } from './request-paths.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const MESSAGE = 'Bitte reichen Sie den Mietvertrag als PDF nach.';

describe('answering an information request on the status page', () => {
  let ctx: TestContext;
  let clock: TestClock;
  let wurzen: string;
  let bennewitz: string;
  let erika: { staff: TestStaff; browser: Browser };

  beforeAll(async () => {
    clock = new TestClock(NOW);
    ctx = await createBackOfficeContext({ clock });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    erika = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** A case with a status link and one open request made through the staff form. */
  async function openRequest(tenantSlug = 'wurzen', browser = erika.browser, spec: Parameters<typeof caseWithStatusLink>[2] = {}) {
    const tenantId = tenantSlug === 'wurzen' ? wurzen : bennewitz;
    const { caseId, token } = await caseWithStatusLink(ctx, tenantId, spec);
    const res = await postRequestForm(browser, tenantSlug, caseId, { message: MESSAGE, dueDate: '2026-12-12' });
    expect(res.statusCode).toBe(303);
    return { tenantId, caseId, token, requestId: await newestRequestId(ctx.db, tenantId, caseId) };
  }

  const requestRow = (tenantId: string, requestId: string) =>
    ctx.db.withTenant(tenantId, (trx) => trx.selectFrom('information_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow());
  const answerFiles = (tenantId: string, caseId: string) =>
    ctx.db.withTenant(tenantId, (trx) => trx.selectFrom('files').selectAll().where('case_id', '=', caseId).where('purpose', '=', 'request-answer').execute());
  // The test context's storage is the in-memory demo storage, which lists its keys.
  const storedKeys = async () => (ctx.storage as unknown as { keys(): string[] }).keys();

  it('shows the open request with message, deadline and an answer form bound to the status link', async () => {
    const { token, requestId } = await openRequest();
    const page = await ctx.app.inject(statusPagePath('wurzen', token));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="rueckfragen" class="kern-heading-medium">Rückfragen der Verwaltung</h2>');
    expect(page.body).toContain(MESSAGE);
    expect(page.body).toContain('Bitte antworten Sie bis 12. Dezember 2026.');
    expect(page.body).toContain(`action="${answerPath('wurzen', token, requestId)}" enctype="multipart/form-data"`);
    expect(page.body).toContain(`<label class="kern-label" for="answer-${requestId}">Ihre Antwort</label>`);
    // The history names the question by its title.
    expect(page.body).toContain(`Rückfrage der Verwaltung: ${MESSAGE}`);
  });

  it('records an answer with a file: files, event, status, inbox marker, office mail and the workflow’s answer step', async () => {
    const { caseId, token, requestId } = await openRequest('wurzen', erika.browser, { assigneeId: erika.staff.id });
    const csrf = await statusPageToken(ctx.app, 'wurzen', token);
    const res = await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: 'Anbei der <b>Mietvertrag</b>.', files: [{ filename: 'Mietvertrag.pdf', content: SAMPLE_PDF, contentType: 'application/pdf' }] });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(`${statusPagePath('wurzen', token)}#rueckfragen`);

    const request = await requestRow(wurzen, requestId);
    expect(request).toMatchObject({ status: 'answered', answer_text: 'Anbei der <b>Mietvertrag</b>.' });
    expect(request.answered_at?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    const files = await answerFiles(wurzen, caseId);
    expect(files).toMatchObject([{ display_name: 'Mietvertrag.pdf', media_type: 'application/pdf', field_path: `request:${requestId}` }]);
    const row = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow());
    expect(row.information_answered_at?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    // The fixture workflow's citizen step "answer" took the case back to review.
    expect(row.state).toBe('in-review');
    const events = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select(['type', 'actor_kind', 'data']).where('case_id', '=', caseId).orderBy('seq').execute());
    expect(events.map((e) => e.type)).toEqual(['transition', 'information.requested', 'information.answered', 'transition']);
    expect(events[2]).toMatchObject({ actor_kind: 'citizen', data: { requestId, files: 1 } });
    // The assignee hears of it, with a link to the case but without the answer.
    const mails = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').selectAll().where('case_id', '=', caseId).where('template', '=', `request.answered:${requestId}`).execute());
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe(erika.staff.email);
    expect(mails[0]!.subject).toBe(`Antwort auf Nachforderung: ${row.reference}`);
    expect(mails[0]!.text_body).toContain(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(mails[0]!.text_body).not.toContain('Mietvertrag');

    // The status page thanks instead of asking again.
    const page = await ctx.app.inject(statusPagePath('wurzen', token));
    expect(page.body).toContain('Ihre Antwort vom 28.11.2026, 10:00 ist eingegangen.');
    expect(page.body).not.toContain(`action="${answerPath('wurzen', token, requestId)}"`);
  });

  it('shows the answer and its file on the case page’s panel, serves the file, and marks the case in the inbox until acknowledged', async () => {
    const { caseId, token, requestId } = await openRequest('wurzen', erika.browser, { reference: 'WUR-ANS-2026-000001' });
    const csrf = await statusPageToken(ctx.app, 'wurzen', token);
    await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: 'Hier ist er.', files: [{ filename: 'Vertrag.pdf', content: SAMPLE_PDF, contentType: 'application/pdf' }] });
    const [file] = await answerFiles(wurzen, caseId);
    const page = await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(page.body).toContain('Antwort: Hier ist er.');
    expect(page.body).toContain('Beigefügte Dateien: 1');
    expect(page.body).toContain(`href="${caseFilePath('wurzen', caseId, file!.id)}">„Vertrag.pdf“ herunterladen</a>`);
    expect(page.body).toContain('Neue Antwort eingegangen');
    const download = await erika.browser.get(caseFilePath('wurzen', caseId, file!.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);

    const inboxRow = (html: string) => html.slice(html.indexOf('WUR-ANS-2026-000001'), html.indexOf('</tr>', html.indexOf('WUR-ANS-2026-000001')));
    expect(inboxRow((await erika.browser.get('/wurzen/staff/vorgaenge')).body)).toContain('Antwort eingegangen');
    const seen = await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/nachforderung/gesehen`, { _csrf: csrfTokenIn(page.body)! });
    expect(seen.statusCode).toBe(303);
    expect(inboxRow((await erika.browser.get('/wurzen/staff/vorgaenge')).body)).not.toContain('Antwort eingegangen');
  });

  it('refuses an empty answer with a German error naming the field, and keeps nothing', async () => {
    const { token, requestId } = await openRequest();
    const csrf = await statusPageToken(ctx.app, 'wurzen', token);
    const res = await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bitte schreiben Sie bei „Ihre Antwort“ eine Antwort oder fügen Sie eine Datei bei.');
    expect(res.body).toContain(`href="#answer-${requestId}"`);
    expect((await requestRow(wurzen, requestId)).status).toBe('open');
  });

  it('refuses a file of a type not allowed, naming the file, and stores nothing', async () => {
    const { caseId, token, requestId } = await openRequest();
    const csrf = await statusPageToken(ctx.app, 'wurzen', token);
    const before = (await storedKeys()).length;
    const res = await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: 'Siehe Anhang', files: [{ filename: 'seite.html', content: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'text/html' }] });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Die Datei „seite.html“ hat keinen erlaubten Dateityp.');
    expect(await answerFiles(wurzen, caseId)).toHaveLength(0);
    expect((await storedKeys()).length).toBe(before);
  });

  it('refuses a post without the CSRF token, or with the token of another status link, before storing any file (403)', async () => {
    const { caseId, token, requestId } = await openRequest();
    const other = await openRequest();
    const foreign = await statusPageToken(ctx.app, 'wurzen', other.token);
    const before = (await storedKeys()).length;
    const file = { filename: 'Mietvertrag.pdf', content: SAMPLE_PDF, contentType: 'application/pdf' };
    expect((await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { text: 'x', files: [file] })).statusCode).toBe(403);
    expect((await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf: foreign, text: 'x', files: [file] })).statusCode).toBe(403);
    // A plain form post without a token is refused by the platform's CSRF check.
    const plain = await ctx.app.inject({ method: 'POST', url: answerPath('wurzen', token, requestId), payload: 'answer=x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } });
    expect(plain.statusCode).toBe(403);
    expect((await storedKeys()).length).toBe(before);
    expect(await answerFiles(wurzen, caseId)).toHaveLength(0);
    expect((await requestRow(wurzen, requestId)).status).toBe('open');
  });

  it('takes one answer per request: a second one is 409 and changes nothing', async () => {
    const { token, requestId } = await openRequest();
    const csrf = await statusPageToken(ctx.app, 'wurzen', token);
    expect((await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: 'Erste Antwort' })).statusCode).toBe(303);
    const again = await postAnswer(ctx.app, { tenantSlug: 'wurzen', token, requestId }, { csrf, text: 'Zweite Antwort' });
    expect(again.statusCode).toBe(409);
    expect((await requestRow(wurzen, requestId)).answer_text).toBe('Erste Antwort');
    // Nobody is assigned and the municipality has no address on file: no office mail, but the answer stands.
    const mails = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').select('id').where('template', '=', `request.answered:${requestId}`).execute());
    expect(mails).toHaveLength(0);
  });

  it('answers 404 to another municipality’s slug with a valid link, to another case’s request and to an unknown link', async () => {
    const ben = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'bennewitz' });
    const theirs = await openRequest('bennewitz', ben.browser);
    const mine = await openRequest();
    const csrf = await statusPageToken(ctx.app, 'wurzen', mine.token);
    // Bennewitz's link under Wurzen's slug: no such case in Wurzen.
    expect((await ctx.app.inject(answerPath('wurzen', theirs.token, theirs.requestId))).statusCode).toBe(404);
    expect((await ctx.app.inject(statusPagePath('wurzen', theirs.token))).statusCode).toBe(404);
    expect((await postAnswer(ctx.app, { tenantSlug: 'wurzen', token: theirs.token, requestId: theirs.requestId }, { csrf, text: 'x' })).statusCode).toBe(404);
    // My link with their request id, or with no request id at all.
    expect((await ctx.app.inject(answerPath('wurzen', mine.token, theirs.requestId))).statusCode).toBe(404);
    expect((await postAnswer(ctx.app, { tenantSlug: 'wurzen', token: mine.token, requestId: theirs.requestId }, { csrf, text: 'x' })).statusCode).toBe(404);
    expect((await ctx.app.inject(answerPath('wurzen', mine.token, 'kein-uuid'))).statusCode).toBe(404);
    expect((await ctx.app.inject(answerPath('wurzen', 'A'.repeat(43), mine.requestId))).statusCode).toBe(404);
    expect((await requestRow(bennewitz, theirs.requestId)).status).toBe('open');
  });

  it('no longer shows a withdrawn request to the applicant, and its answer page is gone (404)', async () => {
    const { caseId, token, requestId } = await openRequest();
    const page = await erika.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    await erika.browser.post(`/wurzen/staff/vorgaenge/${caseId}/nachforderung/${requestId}/zuruecknehmen`, { _csrf: csrfTokenIn(page.body)! });
    const status = await ctx.app.inject(statusPagePath('wurzen', token));
    expect(status.body).not.toContain('Rückfragen der Verwaltung</h2>');
    expect((await ctx.app.inject(answerPath('wurzen', token, requestId))).statusCode).toBe(404);
  });
});
