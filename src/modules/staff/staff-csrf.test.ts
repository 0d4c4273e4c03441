import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, type TestStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, csrfTokenIn, type TestContext } from '../../../test/support/test-app.js';

describe('CSRF protection of the staff forms', () => {
  let ctx: TestContext;
  let staff: TestStaff;
  beforeAll(async () => {
    ctx = await createTestContext();
    staff = await createStaff(ctx.db, { tenantSlug: 'augustusburg' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function sessions(): Promise<number> {
    return (await ctx.db.kysely.selectFrom('staff_sessions').select('user_id').where('user_id', '=', staff.id).execute()).length;
  }
  async function throttleRows(): Promise<number> {
    return (await ctx.db.kysely.selectFrom('login_throttle').select('key').execute()).length;
  }
  async function passwordHash(): Promise<string> {
    return (await ctx.db.kysely.selectFrom('staff_users').select('password_hash').where('id', '=', staff.id).executeTakeFirstOrThrow()).password_hash;
  }

  it('refuses a login without a valid token or from another site, and creates nothing', async () => {
    const browser = new Browser(ctx.app);
    const token = await browser.csrfFrom('/staff/login');
    const before = { sessions: await sessions(), throttle: await throttleRows() };
    const form = { email: staff.email, password: staff.password };
    const attempts = [
      await browser.post('/staff/login', form),
      await browser.post('/staff/login', { ...form, _csrf: 'gefälscht' }),
      await browser.post('/staff/login', { ...form, _csrf: token }, { 'sec-fetch-site': 'cross-site' }),
      await browser.post('/staff/login', { ...form, _csrf: token }, { 'sec-fetch-site': 'same-site' }),
      await new Browser(ctx.app).post('/staff/login', { ...form, _csrf: token }), // token of another browser
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Sicherheitsprüfung');
      expect(res.cookies.find((c) => c.name === 'rc_session')).toBeUndefined();
    }
    expect({ sessions: await sessions(), throttle: await throttleRows() }).toEqual(before);
  });

  it('refuses a logout without a valid token or from another site; the session lives on', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    const token = csrfTokenIn((await browser.get('/augustusburg/staff')).body)!;
    expect((await browser.post('/staff/logout', {})).statusCode).toBe(403);
    expect((await browser.post('/staff/logout', { _csrf: token }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // Browsers without Sec-Fetch-Site: the Origin header decides.
    const fromOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/staff/logout',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      cookies: { rc_session: browser.cookies.get('rc_session')! },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(fromOrigin.statusCode).toBe(403);
    expect((await browser.get('/augustusburg/staff')).statusCode).toBe(200);
    // The token of the anonymous login form does not fit the session.
    const anonToken = csrfTokenIn((await ctx.app.inject('/staff/login')).body)!;
    expect((await browser.post('/staff/logout', { _csrf: anonToken })).statusCode).toBe(403);
    expect((await browser.get('/augustusburg/staff')).statusCode).toBe(200);
  });

  it('refuses a password change without a valid token or from another site; the password stays', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    const token = await browser.csrfFrom('/staff/password');
    const hash = await passwordHash();
    const sessionsBefore = await sessions();
    const form = { currentPassword: staff.password, newPassword: 'ein ganz neues Passwort', newPasswordConfirm: 'ein ganz neues Passwort' };
    expect((await browser.post('/staff/password', form)).statusCode).toBe(403);
    expect((await browser.post('/staff/password', { ...form, _csrf: token }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await passwordHash()).toBe(hash);
    expect(await sessions()).toBe(sessionsBefore);
  });

  it('invalidates the form tokens of a session when it is rotated', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    const oldToken = await browser.csrfFrom('/staff/password');
    const before = browser.cookies.get('rc_session');
    expect((await browser.post('/staff/login', { _csrf: oldToken, email: staff.email, password: staff.password })).statusCode).toBe(303);
    expect(browser.cookies.get('rc_session')).not.toBe(before);
    expect((await browser.post('/staff/logout', { _csrf: oldToken })).statusCode).toBe(403);
  });
});
