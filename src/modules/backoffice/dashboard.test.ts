/**
 * "My tasks", the dashboard (figures, charts with tables) and the CSV export, on real data of
 * one municipality — with another municipality's cases present and never counted or exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { createStaff, loginAs, signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext, insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { Browser, TestClock, type TestContext } from '../../../test/support/test-app.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const FORMULA = '=HYPERLINK("http://evil.example","Klick")';
const SCRIPT = '<script>alert(1)</script>';

/** The rows of a CSV body (the test data holds no line breaks inside cells). */
function csvRows(body: string): string[] {
  return body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}

describe('my tasks, dashboard and CSV export', () => {
  let ctx: TestContext;
  let wurzen: string;
  let me: { staff: TestStaff; browser: Browser };

  beforeAll(async () => {
    ctx = await createBackOfficeContext({ clock: new TestClock(NOW) });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    me = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
    const colleague = await createStaff(ctx.db, { tenantSlug: 'wurzen', displayName: 'Max Kollege' });

    // Closed without a human act (a read does not count), in two days.
    const automatic = await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000001', state: 'closed', submittedAt: at('2026-11-24'), closedAt: at('2026-11-26') });
    // Closed by a caseworker's step, in three days.
    const manual = await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000002', state: 'rejected', submittedAt: at('2026-11-17'), closedAt: at('2026-11-20') });
    await ctx.db.withTenant(wurzen, async (trx) => {
      await appendCaseEvent(trx, wurzen, { caseId: automatic, at: at('2026-11-26'), actorKind: 'system', type: 'transition', data: { transition: 'transmit', from: 'confirmed', to: 'closed' } });
      await appendCaseEvent(trx, wurzen, { caseId: automatic, at: at('2026-11-27'), actorKind: 'caseworker', actorId: me.staff.id, type: 'case.viewed' });
      await appendCaseEvent(trx, wurzen, { caseId: manual, at: at('2026-11-20'), actorKind: 'caseworker', actorId: colleague.id, type: 'transition', data: { transition: 'reject', from: 'submitted', to: 'rejected' } });
    });
    // Open: mine overdue, mine due later, mine without deadline, a colleague's; and a Bennewitz one.
    await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000003', applicantName: FORMULA, companyName: SCRIPT, submittedAt: at('2026-11-10'), dueAt: at('2026-11-20'), assigneeId: me.staff.id });
    await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000004', submittedAt: at('2026-11-25'), dueAt: at('2026-12-05'), assigneeId: me.staff.id });
    await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000005', state: 'in-review', submittedAt: at('2026-11-27'), assigneeId: me.staff.id });
    await insertCase(ctx.db, wurzen, { reference: 'WUR-DSH-2026-000006', submittedAt: at('2026-11-27'), dueAt: at('2026-11-01'), assigneeId: colleague.id });
    await insertCase(ctx.db, bennewitz, { reference: 'BEN-DSH-2026-000001', submittedAt: at('2026-11-27'), dueAt: at('2026-11-01') });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists my open cases, overdue first', async () => {
    const res = await me.browser.get('/wurzen/staff/aufgaben');
    expect(res.statusCode).toBe(200);
    const refs = [...res.body.matchAll(/>(WUR-DSH-2026-\d+)</g)].map((m) => m[1]);
    expect(refs).toEqual(['WUR-DSH-2026-000003', 'WUR-DSH-2026-000004', 'WUR-DSH-2026-000005']);
    expect(res.body).toContain('1 überfällig');
    expect(res.body).not.toContain(SCRIPT);
  });

  it('shows the period’s figures: received, closed, median and 90th percentile, automation rate, overdue', async () => {
    const res = await me.browser.get('/wurzen/staff/auswertung?wochen=4');
    expect(res.statusCode).toBe(200);
    const figure = (id: string) => new RegExp(`id="figure-${id}">([^<]*)<`).exec(res.body)?.[1];
    expect(figure('received')).toBe('6');
    expect(figure('closed')).toBe('2');
    expect(figure('median')).toBe('2,5 Tage');
    expect(figure('p90')).toBe('2,9 Tage');
    expect(figure('automation')).toMatch(/^50\s%$/); // Intl puts a no-break space before %
    expect(figure('open')).toBe('4');
    expect(figure('overdue')).toBe('2');
    expect(res.body).toContain('WUR-DSH-2026-000006');
    expect(res.body).not.toContain('BEN-DSH');
  });

  it('draws accessible charts with the same numbers as tables', async () => {
    const html = (await me.browser.get('/wurzen/staff/auswertung?wochen=4')).body;
    expect(html).toContain('<svg class="rc-chart__svg" role="img" aria-labelledby="chart-service-title chart-service-desc"');
    expect(html).toContain('<title id="chart-state-title">Eingänge je Woche nach heutigem Stand</title>');
    expect(html).toMatch(/<desc id="chart-service-desc">[^<]*Insgesamt 6 Vorgänge\./);
    // Weeks from Monday 2 November to Monday 23 November 2026 (Europe/Berlin).
    for (const week of ['02.11.', '09.11.', '16.11.', '23.11.']) expect(html).toContain(`Woche ab ${week}`);
    expect(html).toContain('<caption class="kern-title kern-title--small">Tabelle: Eingänge je Woche nach Leistung</caption>');
    expect(html).toMatch(/Woche ab 23\.11\.<\/th>\s*<td class="kern-table__cell kern-table__cell--numeric">4<\/td>/);
    expect(html).toContain('Abgelehnt');
  });

  it('in English, and with a bad period named and replaced by the default', async () => {
    const en = await me.browser.get('/wurzen/staff/auswertung?wochen=4&lang=en');
    expect(en.body).toContain('2.5 days');
    expect(en.body).toContain('Cases received per week by service');
    const bad = await me.browser.get('/wurzen/staff/auswertung?wochen=7&lang=de');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Der Zeitraum „Wochen“ muss einer der Werte 4, 12, 26, 52 sein');
  });

  it('exports the case list as CSV with formulas neutralised and markup as plain text', async () => {
    const res = await me.browser.get('/wurzen/staff/auswertung.csv?wochen=4');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="vorgaenge-wurzen-2026-11-28.csv"');
    const rows = csvRows(res.body);
    expect(rows[0]).toBe(
      'Aktenzeichen,Leistung,Version,Stand,Eingegangen,Frist,Abgeschlossen,Bearbeitungszeit (Tage),Zuständig,Antragsteller/in,Betrieb,Kurzbeschreibung,Blockierende Prüfhinweise,Warnungen',
    );
    expect(rows).toHaveLength(7);
    expect(rows[1]).toMatch(/^WUR-DSH-2026-000003,test-service,1,Eingang,2026-11-10 10:00,2026-11-20 10:00,,,Erika Muster,/);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Klick"")",${SCRIPT}`);
    expect(rows[2]).toMatch(/^WUR-DSH-2026-000002,test-service,1,Abgelehnt,2026-11-17 10:00,,2026-11-20 10:00,"3,0",/);
    expect(res.body).not.toContain('BEN-DSH');
  });

  it('answers 404 to another municipality’s staff on every one of these routes', async () => {
    const outsider = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    const browser = new Browser(ctx.app);
    await loginAs(browser, outsider.email, outsider.password);
    for (const url of ['/wurzen/staff/aufgaben', '/wurzen/staff/auswertung', '/wurzen/staff/auswertung.csv']) {
      const res = await browser.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('WUR-DSH');
    }
  });
});
