/**
 * The inbox as a caseworker uses it: filters, search, sort, counts per state, keyset pages,
 * "assign to me" and bulk assignment — and the same routes refusing another municipality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, signedInStaff, type TestStaff } from '../../../test/support/factories.js';
import { createBackOfficeContext, insertCase } from '../../../test/support/factories-backoffice.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { Browser, TestClock, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/** The references listed in the inbox table, in page order. */
function referencesIn(html: string): string[] {
  return [...html.matchAll(/<td class="kern-table__cell"><a class="kern-link" href="[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]!);
}

function linkAfter(html: string, rel: 'next' | 'prev'): string | undefined {
  const m = new RegExp(`<a class="kern-link" href="([^"]+)" rel="${rel}">`).exec(html);
  return m?.[1]?.replace(/&amp;/g, '&');
}

describe('back office inbox', () => {
  let ctx: TestContext;
  let wurzen: string;
  let bennewitz: string;
  let me: { staff: TestStaff; browser: Browser };
  let colleague: TestStaff;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createBackOfficeContext({ clock: new TestClock(NOW) });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    me = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', displayName: 'Erika Muster' });
    colleague = await createStaff(ctx.db, { tenantSlug: 'wurzen', displayName: 'Max Kollege' });
    ids.mueller = await insertCase(ctx.db, wurzen, {
      reference: 'WUR-GEW-2026-000101',
      applicantName: 'Anna Müller',
      companyName: 'Bäckerei Müller GmbH',
      submittedAt: days(-3),
      dueAt: days(-1),
    });
    ids.schmidt = await insertCase(ctx.db, wurzen, {
      reference: 'WUR-GEW-2026-000102',
      applicantName: 'Bernd Schmidt',
      applicantEmail: 'bernd@example.org',
      summary: 'Imbiss am Markt',
      submittedAt: days(-2),
      dueAt: days(3),
      assigneeId: colleague.id,
    });
    ids.review = await insertCase(ctx.db, wurzen, { reference: 'WUR-SPM-2026-000007', applicantName: 'Clara Zuse', state: 'in-review', submittedAt: days(-1), assigneeId: me.staff.id });
    ids.closed = await insertCase(ctx.db, wurzen, { reference: 'WUR-GEW-2026-000050', applicantName: 'Dora Alt', state: 'closed', submittedAt: days(-20), closedAt: days(-10) });
    ids.other = await insertCase(ctx.db, bennewitz, { reference: 'BEN-GEW-2026-000001', applicantName: 'Anna Müller' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists the open cases of the own municipality, newest first, with counts per state', async () => {
    const res = await me.browser.get('/wurzen/staff/vorgaenge');
    expect(res.statusCode).toBe(200);
    expect(referencesIn(res.body)).toEqual(['WUR-SPM-2026-000007', 'WUR-GEW-2026-000102', 'WUR-GEW-2026-000101']);
    expect(res.body).not.toContain('BEN-GEW-2026-000001');
    expect(res.body).toContain('Alle offenen (3)');
    expect(res.body).toContain('Eingang (2)');
    expect(res.body).toContain('In Prüfung (1)');
    expect(res.body).toContain('Max Kollege');
    expect(res.body).toMatch(/überfällig/);
  });

  it('filters by state, assignee, deadline and closed cases', async () => {
    const get = async (query: string) => referencesIn((await me.browser.get(`/wurzen/staff/vorgaenge?${query}`)).body);
    expect(await get('stand=in-review')).toEqual(['WUR-SPM-2026-000007']);
    expect(await get('zustaendig=ich')).toEqual(['WUR-SPM-2026-000007']);
    expect(await get('zustaendig=niemand')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get(`zustaendig=${colleague.id}`)).toEqual(['WUR-GEW-2026-000102']);
    expect(await get('frist=ueberfaellig')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get('frist=bald')).toEqual(['WUR-GEW-2026-000102']);
    expect(await get('stand=abgeschlossen')).toEqual(['WUR-GEW-2026-000050']);
    expect(await get('stand=alle&sortierung=eingang-alt')).toEqual(['WUR-GEW-2026-000050', 'WUR-GEW-2026-000101', 'WUR-GEW-2026-000102', 'WUR-SPM-2026-000007']);
    expect(await get('sortierung=frist')).toEqual(['WUR-GEW-2026-000101', 'WUR-GEW-2026-000102', 'WUR-SPM-2026-000007']);
  });

  it('searches reference numbers by prefix and names, company, e-mail and summary by word prefix', async () => {
    const get = async (q: string) => referencesIn((await me.browser.get(`/wurzen/staff/vorgaenge?stand=alle&suche=${encodeURIComponent(q)}`)).body);
    expect(await get('WUR-GEW-2026-000101')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get('wur-gew-2026-0001')).toEqual(['WUR-GEW-2026-000102', 'WUR-GEW-2026-000101']);
    expect(await get('WUR-SPM')).toEqual(['WUR-SPM-2026-000007']);
    expect(await get('müll')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get('BÄCKEREI')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get('anna mül')).toEqual(['WUR-GEW-2026-000101']);
    expect(await get('bernd@example')).toEqual(['WUR-GEW-2026-000102']);
    expect(await get('Imbiss')).toEqual(['WUR-GEW-2026-000102']);
    expect(await get('niemand-heisst-so')).toEqual([]);
    // Characters of the text-search syntax are no syntax here.
    expect(await get("'&|!:*()")).toEqual([]);
  });

  it('names a bad parameter, drops it and still lists the cases', async () => {
    const res = await me.browser.get('/wurzen/staff/vorgaenge?stand=%3Cscript%3E&frist=gestern&nach=kaputt');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Der gewählte Bearbeitungsstand ist unbekannt');
    expect(res.body).toContain('Die gewählte Fristangabe ist unbekannt');
    expect(res.body).toContain('Die Seitenangabe ist ungültig');
    expect(res.body).not.toContain('<script>');
    expect(referencesIn(res.body)).toHaveLength(3);
  });

  it('assigns one case to me from the inbox and keeps the list as it was', async () => {
    const page = await me.browser.get('/wurzen/staff/vorgaenge?frist=ueberfaellig');
    const token = csrfTokenIn(page.body)!;
    const res = await me.browser.post(`/wurzen/staff/vorgaenge/${ids.mueller}/zuweisen`, { _csrf: token, assignee: 'ich', from: 'inbox', back: '?frist=ueberfaellig' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/wurzen/staff/vorgaenge?frist=ueberfaellig&hinweis=zugewiesen');
    // From an inbox without filters too (its query string is empty).
    const plain = await me.browser.post(`/wurzen/staff/vorgaenge/${ids.schmidt}/zuweisen`, { _csrf: token, assignee: 'ich', from: 'inbox', back: '' });
    expect(plain.headers.location).toBe('/wurzen/staff/vorgaenge?hinweis=zugewiesen');
    await me.browser.post(`/wurzen/staff/vorgaenge/${ids.schmidt}/zuweisen`, { _csrf: token, assignee: colleague.id });
    const after = await me.browser.get(String(res.headers.location));
    expect(after.body).toContain('Die Zuweisung wurde gespeichert.');
    expect(referencesIn((await me.browser.get('/wurzen/staff/vorgaenge?zustaendig=ich')).body)).toEqual(['WUR-SPM-2026-000007', 'WUR-GEW-2026-000101']);
    const events = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('case_events').selectAll().where('case_id', '=', ids.mueller!).where('type', '=', 'assigned').execute());
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ assigneeId: me.staff.id, previousAssigneeId: null });
  });

  it('bulk-assigns the ticked cases to a colleague in one POST', async () => {
    const token = await me.browser.csrfFrom('/wurzen/staff/vorgaenge');
    const body = new URLSearchParams({ _csrf: token, bulkAssignee: colleague.id, back: '' });
    body.append('caseId', ids.mueller!);
    body.append('caseId', ids.review!);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/wurzen/staff/vorgaenge/zuweisen',
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: [...me.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/wurzen/staff/vorgaenge?hinweis=zugewiesen');
    expect(referencesIn((await me.browser.get(`/wurzen/staff/vorgaenge?zustaendig=${colleague.id}`)).body)).toEqual([
      'WUR-SPM-2026-000007',
      'WUR-GEW-2026-000102',
      'WUR-GEW-2026-000101',
    ]);
  });

  it('asks to tick a case when the bulk form is sent without one, and refuses a person of another municipality', async () => {
    const token = await me.browser.csrfFrom('/wurzen/staff/vorgaenge');
    const none = await me.browser.post('/wurzen/staff/vorgaenge/zuweisen', { _csrf: token, bulkAssignee: 'ich', back: '?stand=alle' });
    expect(none.headers.location).toBe('/wurzen/staff/vorgaenge?stand=alle&hinweis=keine-auswahl');
    expect((await me.browser.get(String(none.headers.location))).body).toContain('Bitte wählen Sie mindestens einen Vorgang aus.');
    const outsider = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    const refused = await me.browser.post('/wurzen/staff/vorgaenge/zuweisen', { _csrf: token, bulkAssignee: outsider.id, caseId: ids.schmidt! });
    expect(refused.statusCode).toBe(400);
  });

  it('keeps another municipality out: its staff get 404, and its case ids are not found here', async () => {
    const outsider = new Browser(ctx.app);
    const bennewitzStaff = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    await loginAs(outsider, bennewitzStaff.email, bennewitzStaff.password);
    expect((await outsider.get('/wurzen/staff/vorgaenge')).statusCode).toBe(404);
    const token = await outsider.csrfFrom('/bennewitz/staff/vorgaenge');
    expect((await outsider.post('/wurzen/staff/vorgaenge/zuweisen', { _csrf: token, caseId: ids.mueller!, bulkAssignee: 'ich' })).statusCode).toBe(404);

    // A Wurzen caseworker naming a Bennewitz case id under /wurzen: not found, and nothing changes.
    const wurzenToken = await me.browser.csrfFrom('/wurzen/staff/vorgaenge');
    const res = await me.browser.post('/wurzen/staff/vorgaenge/zuweisen', { _csrf: wurzenToken, caseId: ids.other!, bulkAssignee: 'ich' });
    expect(res.statusCode).toBe(404);
    const single = await me.browser.post(`/wurzen/staff/vorgaenge/${ids.other}/zuweisen`, { _csrf: wurzenToken, assignee: 'ich' });
    expect(single.statusCode).toBe(404);
    const row = await ctx.db.withTenant(bennewitz, (trx) => trx.selectFrom('cases').select('assignee_id').where('id', '=', ids.other!).executeTakeFirstOrThrow());
    expect(row.assignee_id).toBeNull();
  });
});

describe('inbox keyset pagination', () => {
  let ctx: TestContext;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await createBackOfficeContext({ clock: new TestClock(NOW), appDeps: () => ({ backOffice: { pageSize: 4 } }) });
    const tenant = await tenantIdOf(ctx.db, 'wurzen');
    ({ browser } = await signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen' }));
    // 13 cases: five and three with identical timestamps (and deadlines), so pages must break ties
    // by id; and two (8 and 9) one microsecond apart at a page boundary, which a cursor rounded to
    // JavaScript's milliseconds would lose.
    const submitted = [
      ...Array(5).fill('2026-11-20T08:00:00Z'),
      ...Array(3).fill('2026-11-21T08:00:00Z'),
      '2026-11-22T08:00:00.000002Z',
      '2026-11-22T08:00:00.000001Z',
      '2026-11-22T08:00:00.010Z',
      '2026-11-22T08:00:00.020Z',
      '2026-11-22T08:00:00.030Z',
    ];
    for (const [i, at] of submitted.entries()) {
      const reference = `WUR-PAG-2026-${String(i).padStart(6, '0')}`;
      await insertCase(ctx.db, tenant, { reference, dueAt: i % 2 === 0 ? days(5) : null });
      await ctx.db.withTenant(tenant, (trx) => trx.updateTable('cases').set({ submitted_at: at }).where('reference', '=', reference).execute());
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Follows the `rel` links from `start`; returns each page's references and URL. */
  async function walk(start: string, rel: 'next' | 'prev'): Promise<{ url: string; refs: string[] }[]> {
    const pages: { url: string; refs: string[] }[] = [];
    let url: string | undefined = start;
    while (url) {
      const res = await browser.get(url);
      expect(res.statusCode).toBe(200);
      pages.push({ url, refs: referencesIn(res.body) });
      url = linkAfter(res.body, rel);
      if (pages.length > 10) throw new Error('pagination does not end');
    }
    return pages;
  }

  it.each(['eingang-neu', 'eingang-alt', 'frist'])('visits every case exactly once in sort %s, forward and back', async (sort) => {
    const forward = await walk(`/wurzen/staff/vorgaenge?sortierung=${sort}`, 'next');
    const all = forward.flatMap((p) => p.refs);
    expect(forward.map((p) => p.refs.length)).toEqual([4, 4, 4, 1]);
    expect(new Set(all).size).toBe(13);
    // Back from the last page along "previous": the same pages in reverse.
    const back = await walk(forward[forward.length - 1]!.url, 'prev');
    expect(back.reverse().flatMap((p) => p.refs)).toEqual(all);
  });

  it('orders by the full timestamp, microseconds included', async () => {
    const newest = (await walk('/wurzen/staff/vorgaenge', 'next')).map((p) => p.refs);
    expect(newest[0]).toEqual(['WUR-PAG-2026-000012', 'WUR-PAG-2026-000011', 'WUR-PAG-2026-000010', 'WUR-PAG-2026-000008']);
    expect(newest[1]![0]).toBe('WUR-PAG-2026-000009');
  });
});
