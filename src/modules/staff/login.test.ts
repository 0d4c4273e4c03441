import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, type TestStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';

async function sessionCount(ctx: TestContext, userId: string): Promise<number> {
  const rows = await ctx.db.kysely.selectFrom('staff_sessions').select('user_id').where('user_id', '=', userId).execute();
  return rows.length;
}

describe('staff login and logout', () => {
  let ctx: TestContext;
  let worker: TestStaff;
  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await createStaff(ctx.db, { tenantSlug: 'wurzen', role: 'caseworker', displayName: 'Erika Muster' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('shows an accessible German login form with autocomplete hints', async () => {
    const res = await ctx.app.inject('/staff/login');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="kern-heading-x-large">Anmeldung für Beschäftigte</h1>');
    expect(res.body).toMatch(/<label class="kern-label" for="email">E-Mail-Adresse<\/label>/);
    expect(res.body).toMatch(/<label class="kern-label" for="password">Passwort<\/label>/);
    expect(res.body).toMatch(/id="email" name="email" type="email" autocomplete="username"/);
    expect(res.body).toMatch(/id="password" name="password" type="password" autocomplete="current-password"/);
    expect(csrfTokenIn(res.body)).toBeTruthy();
  });

  it('signs in, leads a one-municipality caseworker to that municipality and shows name and role', async () => {
    const browser = new Browser(ctx.app);
    const res = await loginAs(browser, worker.email.toUpperCase(), worker.password);
    expect(res.headers.location).toBe('/staff');
    const cookie = res.cookies.find((c) => c.name === 'rc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    expect(cookie?.secure).toBeFalsy();

    const start = await browser.get('/staff');
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/wurzen/staff');
    const page = await browser.get('/wurzen/staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Große Kreisstadt Wurzen');
    expect(page.body).toContain('Erika Muster');
    expect(page.body).toContain('Sachbearbeitung');
    expect(page.body).toContain('href="/staff/password"');
    // The layout shows the logout form with a token bound to the session.
    expect(page.body).toMatch(/<form method="post" action="\/staff\/logout"/);
  });

  it('refuses a wrong password with the e-mail kept, no password echoed and a summary linking to the field', async () => {
    const browser = new Browser(ctx.app);
    const token = await browser.csrfFrom('/staff/login');
    const res = await browser.post('/staff/login', { _csrf: token, email: worker.email, password: 'falsch-falsch-falsch' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('<title>Fehler: Anmeldung für Beschäftigte');
    expect(res.body).toContain('<a class="kern-link" href="#email">E-Mail-Adresse oder Passwort ist falsch.');
    expect(res.body).toContain(`value="${worker.email}"`);
    expect(res.body).not.toContain('falsch-falsch-falsch');
    expect(res.cookies.find((c) => c.name === 'rc_session')).toBeUndefined();
  });

  it('names each missing field, in German and in English', async () => {
    const browser = new Browser(ctx.app);
    const token = await browser.csrfFrom('/staff/login');
    const res = await browser.post('/staff/login', { _csrf: token, email: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#email">Bitte geben Sie Ihre E-Mail-Adresse ein.');
    expect(res.body).toContain('href="#password">Bitte geben Sie Ihr Passwort ein.');
    expect(res.body).toMatch(/id="email" name="email"[^>]*aria-describedby="email-error"[^>]*aria-invalid="true"/);

    const en = await browser.post('/staff/login?lang=en', { _csrf: token, email: 'kein-at-zeichen', password: 'x' });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('href="#email">Please enter an e-mail address in the format name@example.com.');
    expect(en.body).toContain('value="kein-at-zeichen"');
  });

  it('logout ends the session: the old cookie is refused afterwards', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, worker.email, worker.password);
    const oldToken = browser.cookies.get('rc_session')!;
    const page = await browser.get('/wurzen/staff');
    const res = await browser.post('/staff/logout', { _csrf: csrfTokenIn(page.body)! });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login?signedOut=1');
    expect(browser.cookies.has('rc_session')).toBe(false);
    const notice = await browser.get('/staff/login?signedOut=1');
    expect(notice.body).toContain('Sie haben sich abgemeldet.');

    const replay = await ctx.app.inject({ url: '/wurzen/staff', cookies: { rc_session: oldToken } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/staff/login?next=%2Fwurzen%2Fstaff');
  });

  it('issues a new token at every login and ends a session planted in the browser before (fixation)', async () => {
    // A token the attacker made up is never adopted.
    const browser = new Browser(ctx.app);
    const planted = 'A'.repeat(43);
    browser.cookies.set('rc_session', planted);
    await loginAs(browser, worker.email, worker.password);
    expect(browser.cookies.get('rc_session')).not.toBe(planted);
    expect((await ctx.app.inject({ url: '/staff', cookies: { rc_session: planted } })).statusCode).toBe(303);

    // A browser that still holds a live session (here: another account's) gets a fresh token at
    // login, and the session it held before ends.
    const other = await createStaff(ctx.db, { tenantSlug: 'wurzen' });
    const shared = new Browser(ctx.app);
    await loginAs(shared, other.email, other.password);
    const before = shared.cookies.get('rc_session')!;
    const token = csrfTokenIn((await shared.get('/wurzen/staff')).body)!;
    const res = await shared.post('/staff/login', { _csrf: token, email: worker.email, password: worker.password });
    expect(res.statusCode).toBe(303);
    const after = shared.cookies.get('rc_session')!;
    expect(after).not.toBe(before);
    expect((await ctx.app.inject({ url: '/staff', cookies: { rc_session: before } })).statusCode).toBe(303);
    expect(await sessionCount(ctx, other.id)).toBe(0);
    expect((await shared.get('/wurzen/staff')).body).toContain(worker.displayName);
  });

  it('sends a signed-in user from the login page straight on, and keeps sessions apart per login', async () => {
    const a = new Browser(ctx.app);
    const b = new Browser(ctx.app);
    await loginAs(a, worker.email, worker.password);
    await loginAs(b, worker.email, worker.password);
    expect(a.cookies.get('rc_session')).not.toBe(b.cookies.get('rc_session'));
    expect(await sessionCount(ctx, worker.id)).toBeGreaterThanOrEqual(2);
    const again = await a.get('/staff/login?next=%2Fwurzen%2Fstaff');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/wurzen/staff');
  });

  it('stores only the hash of the token', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, worker.email, worker.password);
    const token = browser.cookies.get('rc_session')!;
    const rows = await ctx.db.kysely.selectFrom('staff_sessions').select('token_hash').execute();
    for (const r of rows) expect(Buffer.from(r.token_hash).toString()).not.toContain(token);
  });
});

describe('staff session cookie in production', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ settings: { runtime: 'production' } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('uses the __Host- prefix with Secure, Path=/, HttpOnly and SameSite=Lax', async () => {
    const staff = await createStaff(ctx.db, { tenantSlug: 'bennewitz' });
    const browser = new Browser(ctx.app);
    const res = await loginAs(browser, staff.email, staff.password);
    const header = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('__Host-rc_session='));
    expect(header).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(header).not.toMatch(/Domain=|Max-Age|Expires/i);
    expect((await browser.get('/bennewitz/staff')).statusCode).toBe(200);
    // The development cookie name means nothing here.
    const other = await ctx.app.inject({ url: '/bennewitz/staff', cookies: { rc_session: browser.cookies.get('__Host-rc_session')! } });
    expect(other.statusCode).toBe(303);
  });
});
