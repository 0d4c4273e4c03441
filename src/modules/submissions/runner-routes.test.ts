import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePackages, offerOnline } from '../../../test/support/service-fixtures.js';
import { Browser, createTestContext, csrfTokenIn, TestClock, type TestContext } from '../../../test/support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Posts a multipart form as the browser does for pages with a file input. */
async function postMultipart(browser: Browser, ctx: TestContext, url: string, fields: Record<string, string>, files: { name: string; filename: string; content: Buffer; type: string }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.name, new Blob([f.content], { type: f.type }), f.filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  return ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': request.headers.get('content-type')!,
      'sec-fetch-site': 'same-origin',
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

function location(res: { headers: Record<string, unknown> }): string {
  return String(res.headers.location);
}

describe('form runner', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-28T09:00:00Z'));

  beforeAll(async () => {
    ctx = await createTestContext({ packages: fixturePackages(), clock });
    await offerOnline(ctx.db, 'umzugsmeldung', ['wurzen']);
    await offerOnline(ctx.db, 'sperrmuell', ['wurzen', 'bennewitz']);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function startDraft(browser: Browser, tenant = 'wurzen', service = 'umzugsmeldung'): Promise<string> {
    const start = await browser.get(`/${tenant}/${service}`);
    expect(start.statusCode).toBe(200);
    const created = await browser.post(`/${tenant}/${service}/antrag`, {});
    expect(created.statusCode).toBe(303);
    return location(created);
  }

  async function fillUmzugsmeldung(browser: Browser): Promise<string> {
    const first = await startDraft(browser);
    const draftBase = first.replace(/\/seite\/[^/]+$/, '');
    const post = async (page: string, form: Record<string, string>) => {
      const token = csrfTokenIn((await browser.get(`${draftBase}/seite/${page}`)).body)!;
      return browser.post(`${draftBase}/seite/${page}`, { _csrf: token, ...form });
    };
    expect(location(await post('person', { 'name.given': 'Jörg', 'name.family': 'Müller-Lüdenscheidt', birthDate: '01.06.1985', email: 'joerg@example.org' }))).toContain('/seite/new-home');
    expect(
      location(await post('new-home', { 'newAddress.street': 'Markt', 'newAddress.houseNumber': '1', 'newAddress.postalCode': '04808', 'newAddress.town': 'Wurzen', moveInDate: '20.11.2026', fromAbroad: 'no' })),
    ).toContain('/seite/previous-home');
    expect(
      location(await post('previous-home', { 'previousAddress.street': 'Hauptstraße', 'previousAddress.houseNumber': '5', 'previousAddress.postalCode': '04103', 'previousAddress.town': 'Leipzig' })),
    ).toContain('/seite/household');
    expect(location(await post('household', { movesWithOthers: 'no' }))).toContain('/seite/documents');
    const page = await browser.get(`${draftBase}/seite/documents`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    const uploaded = await postMultipart(browser, ctx, `${draftBase}/seite/documents`, { _csrf: csrfTokenIn(page.body)!, action: 'continue' }, [
      { name: 'landlordConfirmation', filename: 'Bestätigung.pdf', content: PDF, type: 'application/pdf' },
    ]);
    expect(uploaded.statusCode, uploaded.body.slice(0, 400)).toBe(303);
    expect(location(await post('declaration', { truthful: 'yes' }))).toContain('/pruefen');
    return draftBase;
  }

  it('shows the start page only where the municipality offers the service', async () => {
    const res = await ctx.app.inject('/wurzen/umzugsmeldung');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Umzug melden (Testdienst)');
    expect(res.body).toContain('Wohnungsgeberbestätigung');
    expect((await ctx.app.inject('/bennewitz/umzugsmeldung')).statusCode).toBe(404);
    expect((await ctx.app.inject('/wurzen/gibt-es-nicht')).statusCode).toBe(404);
  });

  it('refuses invalid input with an error summary in German, keeping the values', async () => {
    const browser = new Browser(ctx.app);
    const first = await startDraft(browser);
    const token = csrfTokenIn((await browser.get(first)).body)!;
    const res = await browser.post(first, { _csrf: token, 'name.given': 'Jörg', 'name.family': '', birthDate: '31.02.1985', email: 'kein-at-zeichen' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="error-summary"');
    expect(res.body).toContain('Schritt 1 von');
    expect(res.body).toMatch(/Familienname/);
    expect(res.body).toContain('value="Jörg"');
    expect(res.body).toContain('value="31.02.1985"');
    expect(res.body).toContain('value="kein-at-zeichen"');
    expect(res.body).toContain('aria-invalid="true"');
    // the failed post is saved too: reopening the page shows what was typed
    const again = await browser.get(first);
    expect(again.body).toContain('value="Jörg"');
  });

  it('walks a complete application to the confirmation and the status page', async () => {
    const browser = new Browser(ctx.app);
    const draftBase = await fillUmzugsmeldung(browser);
    const check = await browser.get(`${draftBase}/pruefen`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Müller-Lüdenscheidt');
    expect(check.body).toContain('04808 Wurzen');
    expect(check.body).toContain('Bestätigung.pdf');
    expect(check.body).toContain('?from=pruefen#');
    const submitted = await browser.post(`${draftBase}/absenden`, { _csrf: csrfTokenIn(check.body)! });
    expect(submitted.statusCode).toBe(303);
    const confirmation = await browser.get(location(submitted));
    expect(confirmation.body).toMatch(/WUR-UMZ-2026-\d{6}/);
    const statusHref = /href="(\/wurzen\/status\/[A-Za-z0-9_-]{43})"/.exec(confirmation.body)?.[1];
    expect(statusHref).toBeDefined();

    const status = await ctx.app.inject(statusHref!);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Eingegangen');
    expect(status.body).toContain('Antrag eingegangen');
    expect(status.headers['referrer-policy']).toBe('no-referrer');
    // the same link under another municipality finds nothing
    expect((await ctx.app.inject(statusHref!.replace('/wurzen/', '/bennewitz/'))).statusCode).toBe(404);

    const row = await ctx.db.withTenant((await ctx.db.kysely.selectFrom('tenants').select('id').where('slug', '=', 'wurzen').executeTakeFirstOrThrow()).id, async (trx) => ({
      cases: await trx.selectFrom('cases').select(['id', 'applicant_name', 'state', 'data']).execute(),
      files: await trx.selectFrom('files').select(['case_id', 'draft_id', 'display_name']).execute(),
      mails: await trx.selectFrom('mail_outbox').select(['recipient', 'subject']).execute(),
      events: await trx.selectFrom('case_events').select(['type']).execute(),
    }));
    const theCase = row.cases.find((c) => c.applicant_name === 'Jörg Müller-Lüdenscheidt')!;
    expect(theCase.state).toBe('submitted');
    expect(row.files.filter((f) => f.case_id === theCase.id).map((f) => f.display_name)).toEqual(['Bestätigung.pdf']);
    expect(row.mails.some((m) => m.recipient === 'joerg@example.org' && m.subject.startsWith('Eingangsbestätigung'))).toBe(true);
    expect(row.events.map((e) => e.type)).toContain('case.submitted');
  });

  it('creates one case from twenty parallel submits of one draft', async () => {
    const browser = new Browser(ctx.app);
    const draftBase = await fillUmzugsmeldung(browser);
    const token = csrfTokenIn((await browser.get(`${draftBase}/pruefen`)).body)!;
    const results = await Promise.all(Array.from({ length: 20 }, () => browser.post(`${draftBase}/absenden`, { _csrf: token })));
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    const references = new Set<string>();
    for (let i = 0; i < 3; i++) references.add(/WUR-UMZ-2026-\d{6}/.exec((await browser.get(`${draftBase}/bestaetigung`)).body)![0]);
    expect(references.size).toBe(1);
    const wurzen = (await ctx.db.kysely.selectFrom('tenants').select('id').where('slug', '=', 'wurzen').executeTakeFirstOrThrow()).id;
    const count = await ctx.db.withTenant(wurzen, (trx) => trx.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('reference', '=', [...references][0]!).executeTakeFirstOrThrow());
    expect(Number(count.n)).toBe(1);
  });

  it('adds and removes rows of a repeating group without JavaScript', async () => {
    const browser = new Browser(ctx.app);
    const first = await startDraft(browser);
    const base = first.replace(/\/seite\/[^/]+$/, '');
    const token = csrfTokenIn((await browser.get(`${base}/seite/household`)).body)!;
    const added = await browser.post(`${base}/seite/household`, { _csrf: token, movesWithOthers: 'yes', action: 'add-row:members' });
    expect(added.statusCode).toBe(303);
    expect(location(added)).toMatch(/\/seite\/household#field-members-0$/);
    expect((await browser.get(`${base}/seite/household`)).body).toContain('name="members[0].name.given"');
    const twice = await browser.post(`${base}/seite/household`, { _csrf: token, movesWithOthers: 'yes', 'members[0].name.given': 'Ben', action: 'add-row:members' });
    expect(location(twice)).toMatch(/#field-members-1$/);
    const page = (await browser.get(`${base}/seite/household`)).body;
    expect(page).toContain('name="members[1].name.given"');
    expect(page).toContain('id="field-members-1"');
    expect(page).toContain('value="Ben"');
    const removed = await browser.post(`${base}/seite/household`, { _csrf: token, movesWithOthers: 'yes', 'members[0].name.given': 'Ben', action: 'remove-row:members:1' });
    expect(location(removed)).toMatch(/#field-members-field$/);
    expect((await browser.get(`${base}/seite/household`)).body).not.toContain('name="members[1].name.given"');
  });

  it('refuses an .exe named .pdf with a clear message and keeps nothing', async () => {
    const browser = new Browser(ctx.app);
    const first = await startDraft(browser);
    const base = first.replace(/\/seite\/[^/]+$/, '');
    const page = await browser.get(`${base}/seite/documents`);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const res = await postMultipart(browser, ctx, `${base}/seite/documents`, { _csrf: csrfTokenIn(page.body)! }, [
      { name: 'landlordConfirmation', filename: 'rechnung.pdf', content: exe, type: 'application/pdf' },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.body).toMatch(/rechnung\.pdf/);
  });

  it('protects page posts against CSRF and keeps drafts of one municipality out of another', async () => {
    const browser = new Browser(ctx.app);
    const first = await startDraft(browser);
    const noToken = await browser.post(first, { 'name.given': 'X' });
    expect(noToken.statusCode).toBe(403);
    const token = csrfTokenIn((await browser.get(first)).body)!;
    const crossSite = await browser.post(first, { _csrf: token, 'name.given': 'X' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    // a draft of Wurzen under Bennewitz (which offers sperrmuell, not umzugsmeldung) and a Wurzen sperrmuell draft under Bennewitz
    const sperr = await startDraft(browser, 'wurzen', 'sperrmuell');
    expect((await browser.get(sperr.replace('/wurzen/', '/bennewitz/'))).statusCode).toBe(404);
    expect((await browser.get(first.replace(/antrag\/[^/]+/, 'antrag/' + 'A'.repeat(43)))).statusCode).toBe(404);
  });

  it('offers save and resume with the link by e-mail', async () => {
    const browser = new Browser(ctx.app);
    const first = await startDraft(browser);
    const base = first.replace(/\/seite\/[^/]+$/, '');
    const save = await browser.get(`${base}/speichern`);
    expect(save.body).toContain(base);
    const bad = await browser.post(`${base}/speichern`, { _csrf: csrfTokenIn(save.body)!, email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('gültige E-Mail-Adresse');
    const sent = await browser.post(`${base}/speichern`, { _csrf: csrfTokenIn(save.body)!, email: 'anna@example.org' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('anna@example.org');
    // another device: no cookies, only the link
    const other = new Browser(ctx.app);
    const resumed = await other.get(base);
    expect(resumed.statusCode).toBe(303);
    expect(location(resumed)).toContain('/seite/person');
  });
});
