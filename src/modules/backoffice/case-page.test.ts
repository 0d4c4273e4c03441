/**
 * The case page: summary, submitted data (generic and from a describer), attachments with
 * download and inline view, findings, panels, internal notes, history, the recorded read — and
 * another municipality kept out of all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../../test/support/case-engine-fixture.js';
import { createStaff, loginAs, signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext, insertCase, insertCaseFile } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { Browser, TestClock, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { evaluateRules } from '../cases/evaluate-rules.js';
import type { CasePanelProvider } from './case-panels.js';

const SCRIPT = '<script>alert("x")</script>';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const documentsPanel: CasePanelProvider = {
  id: 'documents',
  async load(ctx) {
    return { items: [{ title: `Empfangsbescheinigung ${ctx.caseId.slice(0, 4)}`, details: ['Version 1'], status: { label: 'freigegeben', tone: 'success' }, action: { label: 'Erneut senden', url: '/x/resend' } }] };
  },
};
const extraPanel: CasePanelProvider = { id: 'payments', load: async () => ({ title: 'Zahlungen', emptyText: 'Keine Zahlungen.', items: [] }) };
// A procedure's panel that has nothing to say about another procedure's case leaves the page.
const otherProcedurePanel: CasePanelProvider = { id: 'traffic', load: async () => null };

describe('back office case page', () => {
  let ctx: TestContext;
  let clock: TestClock;
  let wurzen: string;
  let bennewitz: string;
  let me: { staff: TestStaff; browser: Browser };
  let caseId: string;
  let otherCaseId: string;
  let pdfId: string;
  let pngId: string;
  let otherFileId: string;

  beforeAll(async () => {
    clock = new TestClock(new Date('2026-11-28T09:00:00Z'));
    ctx = await createBackOfficeContext({
      clock,
      appDeps: () => ({
        backOffice: {
          panels: [documentsPanel, extraPanel, otherProcedurePanel],
          // A stand-in for the form runner's renderer: only for "described" cases.
          describeCaseData: ({ data, locale }) =>
            data.described === true ? [{ title: locale === 'de' ? 'Betrieb' : 'Business', rows: [{ label: 'Name des Betriebs', lines: [String(data.companyName)] }] }] : undefined,
        },
      }),
    });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    me = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
    caseId = await insertCase(ctx.db, wurzen, {
      reference: 'WUR-GEW-2026-000201',
      applicantName: `Anna ${SCRIPT}`,
      companyName: 'Bäckerei Müller',
      data: { companyName: SCRIPT, age: 17, address: { street: 'Markt 1', town: 'Wurzen' }, activities: ['Backwaren', 'Kaffee'], newsletter: false },
      dueAt: new Date('2026-12-01T23:00:00Z'),
    });
    otherCaseId = await insertCase(ctx.db, bennewitz, { reference: 'BEN-GEW-2026-000009' });
    pdfId = await insertCaseFile(ctx.db, ctx.storage, wurzen, caseId, { name: 'Gewerbeerlaubnis Müller.pdf', mediaType: 'application/pdf', content: PDF });
    pngId = await insertCaseFile(ctx.db, ctx.storage, wurzen, caseId, { name: `Grundriss ${SCRIPT}.png`, mediaType: 'image/png', content: PNG });
    otherFileId = await insertCaseFile(ctx.db, ctx.storage, bennewitz, otherCaseId, { name: 'geheim.pdf', mediaType: 'application/pdf', content: PDF });
    await evaluateRules(fixtureEngine(ctx.db).deps, { tenantId: wurzen, caseId, now: clock.now() });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('shows the summary, the data, the files, the findings and the panels', async () => {
    const res = await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1 class="kern-heading-x-large">Vorgang WUR-GEW-2026-000201</h1>');
    expect(html).toContain('<dd class="kern-description-list-item__value" id="case-state">Eingang</dd>');
    expect(html).toContain('Bäckerei Müller');
    // Generic rendering of the data: key paths and values as text.
    expect(html).toContain('address › street');
    expect(html).toContain('Markt 1');
    expect(html).toContain('Backwaren<br>Kaffee');
    expect(html).toContain('Nein');
    // Findings of the rule run, with severity, message, field and legal source.
    expect(html).toContain('Blockierend');
    expect(html).toContain('Die anzeigende Person ist minderjährig.');
    expect(html).toContain('§ 112 BGB');
    expect(html).toContain('<code>age</code>');
    // Files: download and inline view; an image preview.
    expect(html).toContain(`href="/wurzen/staff/vorgaenge/${caseId}/dateien/${pdfId}" download`);
    expect(html).toContain(`href="/wurzen/staff/vorgaenge/${caseId}/dateien/${pdfId}?ansicht=1"`);
    expect(html).toContain(`src="/wurzen/staff/vorgaenge/${caseId}/dateien/${pngId}?ansicht=1"`);
    // Panels: the documents placeholder filled by its provider, the others empty, an extra one added.
    expect(html).toContain('Empfangsbescheinigung');
    expect(html).toContain('Erneut senden');
    expect(html).toContain('Noch keine Nachrichten.');
    expect(html).toContain('Noch keine Übermittlungen.');
    expect(html).toContain('Zahlungen');
    expect(html).not.toContain('id="panel-traffic"');
    // History: the rule run.
    expect(html).toContain('Angaben geprüft');
    expect(html).toContain('1 blockierend, 0 Warnung(en), 0 Hinweis(e)');
  });

  it('names other modules’ events in the history, and shows unknown ones by their type', async () => {
    const other = await insertCase(ctx.db, wurzen, {});
    await ctx.db.withTenant(wurzen, async (trx) => {
      const at = clock.now();
      await appendCaseEvent(trx, wurzen, { caseId: other, at, actorKind: 'citizen', type: 'case.submitted' });
      await appendCaseEvent(trx, wurzen, { caseId: other, at, actorKind: 'system', type: 'document.generated', data: { version: 2 } });
      await appendCaseEvent(trx, wurzen, { caseId: other, at, actorKind: 'system', type: 'delivery.failed' });
      await appendCaseEvent(trx, wurzen, { caseId: other, at, actorKind: 'party', type: 'x.custom' });
    });
    const html = (await me.browser.get(`/wurzen/staff/vorgaenge/${other}`)).body;
    expect(html).toContain('Antrag eingegangen');
    expect(html).toContain('Dokument erstellt');
    expect(html).toContain('Fassung 2');
    expect(html).toContain('Übermittlung fehlgeschlagen');
    expect(html).toContain('Ereignis „x.custom“');
    expect(html).toContain('Beteiligte Stelle');
  });

  it('prints a script typed into any field as literal text', async () => {
    const html = (await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body;
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain(`Anna &lt;script&gt;`);
    expect(html).toContain(`Grundriss &lt;script&gt;`);
  });

  it('renders the data from the describer when it knows the case', async () => {
    const described = await insertCase(ctx.db, wurzen, { data: { described: true, companyName: 'Eisdiele Zuse' } });
    const html = (await me.browser.get(`/wurzen/staff/vorgaenge/${described}`)).body;
    expect(html).toContain('Name des Betriebs');
    expect(html).toContain('Eisdiele Zuse');
    expect(html).not.toContain('described');
  });

  it('in English too', async () => {
    const html = (await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}?lang=en`)).body;
    expect(html).toContain('Case WUR-GEW-2026-000201');
    expect(html).toContain('Incoming');
    expect(html).toContain('The person is a minor.');
    expect(html).toContain('Information checked');
    await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}?lang=de`);
  });

  it('serves attachments as downloads and PDF and images inline, with the sandboxing headers', async () => {
    const download = await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/${pdfId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Gewerbeerlaubnis Mueller.pdf"/);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const inline = await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/${pdfId}?ansicht=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['content-security-policy']).toContain("default-src 'none'");
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    const image = await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/${pngId}?ansicht=1`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    // A file of another case (here: of another municipality) is not found under this case.
    expect((await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/${otherFileId}`)).statusCode).toBe(404);
    expect((await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/kein-uuid`)).statusCode).toBe(404);
  });

  it('adds internal notes as events, and names the field when the note is empty', async () => {
    const token = await me.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    const empty = await me.browser.post(`/wurzen/staff/vorgaenge/${caseId}/notizen`, { _csrf: token, note: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Bitte geben Sie den Text der Notiz ein.');
    expect(empty.body).toContain('href="#note"');
    const saved = await me.browser.post(`/wurzen/staff/vorgaenge/${caseId}/notizen`, { _csrf: token, note: `Rückruf vereinbart.\n${SCRIPT}` });
    expect(saved.statusCode).toBe(303);
    const html = (await me.browser.get(String(saved.headers.location))).body;
    expect(html).toContain('Die Notiz wurde gespeichert.');
    expect(html).toContain('Rückruf vereinbart.<br>&lt;script&gt;');
    expect(html).toContain('Interne Notiz hinzugefügt');
    const notes = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('type', '=', 'note').execute());
    expect(notes).toHaveLength(1);
    expect(notes[0]!.actor_kind).toBe('caseworker');
    expect(notes[0]!.actor_id).toBe(me.staff.id);
  });

  it('assigns the case to me and releases it again', async () => {
    const token = await me.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    const assigned = await me.browser.post(`/wurzen/staff/vorgaenge/${caseId}/zuweisen`, { _csrf: token, assignee: 'ich' });
    expect(assigned.headers.location).toBe(`/wurzen/staff/vorgaenge/${caseId}?hinweis=zugewiesen`);
    const html = (await me.browser.get(String(assigned.headers.location))).body;
    expect(html).toContain('<dd class="kern-description-list-item__value" id="case-assignee">Erika Muster</dd>');
    expect(html).toContain('Zugewiesen an Erika Muster');
    const released = await me.browser.post(`/wurzen/staff/vorgaenge/${caseId}/zuweisen`, { _csrf: token, assignee: 'niemand' });
    expect(released.headers.location).toBe(`/wurzen/staff/vorgaenge/${caseId}?hinweis=freigegeben`);
    expect((await me.browser.get(String(released.headers.location))).body).toContain('Zuweisung aufgehoben');
  });

  it('records a read at most once per person and case within 15 minutes', async () => {
    const viewed = async () =>
      ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select(['actor_id', 'at']).where('case_id', '=', caseId).where('type', '=', 'case.viewed').orderBy('seq').execute());
    const before = (await viewed()).length;
    expect(before).toBeGreaterThan(0);
    await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect((await viewed()).length).toBe(before);
    const colleague = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen' });
    await colleague.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    expect((await viewed()).length).toBe(before + 1);
    clock.advance(16 * 60_000);
    await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}`);
    const after = await viewed();
    expect(after.length).toBe(before + 2);
    expect(after[after.length - 1]!.actor_id).toBe(me.staff.id);
    // Reads stay out of the page's history.
    expect((await me.browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).body).not.toContain('case.viewed');
  });

  it('answers 404 for another municipality’s case id, and to another municipality’s staff', async () => {
    expect((await me.browser.get(`/wurzen/staff/vorgaenge/${otherCaseId}`)).statusCode).toBe(404);
    expect((await me.browser.get(`/wurzen/staff/vorgaenge/${otherCaseId}/dateien/${otherFileId}`)).statusCode).toBe(404);
    expect((await me.browser.get('/wurzen/staff/vorgaenge/kein-uuid')).statusCode).toBe(404);
    const token = await me.browser.csrfFrom(`/wurzen/staff/vorgaenge/${caseId}`);
    expect((await me.browser.post(`/wurzen/staff/vorgaenge/${otherCaseId}/notizen`, { _csrf: token, note: 'x' })).statusCode).toBe(404);

    const outsider: TestStaff = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    const browser = new Browser(ctx.app);
    await loginAs(browser, outsider.email, outsider.password);
    expect((await browser.get(`/wurzen/staff/vorgaenge/${caseId}`)).statusCode).toBe(404);
    expect((await browser.get(`/wurzen/staff/vorgaenge/${caseId}/dateien/${pdfId}`)).statusCode).toBe(404);
    const theirToken = csrfTokenIn((await browser.get(`/bennewitz/staff/vorgaenge/${otherCaseId}`)).body)!;
    expect((await browser.post(`/wurzen/staff/vorgaenge/${caseId}/notizen`, { _csrf: theirToken, note: 'x' })).statusCode).toBe(404);
    expect((await browser.post(`/wurzen/staff/vorgaenge/${caseId}/zuweisen`, { _csrf: theirToken, assignee: 'ich' })).statusCode).toBe(404);
    const notes = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').select('seq').where('case_id', '=', caseId).where('type', '=', 'note').execute());
    expect(notes).toHaveLength(1);
  });
});
