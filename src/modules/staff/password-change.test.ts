import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, signedInStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, type TestContext } from '../../../test/support/test-app.js';

describe('staff password change', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const signedIn = () => signedInStaff(ctx.app, ctx.db, { tenantSlug: 'wurzen', role: 'tenant-admin' });

  it('needs a login and comes back to the form afterwards', async () => {
    const res = await ctx.app.inject('/staff/password');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login?next=%2Fstaff%2Fpassword');
    const staff = await createStaff(ctx.db, { tenantSlug: 'wurzen' });
    const browser = new Browser(ctx.app);
    const login = await loginAs(browser, staff.email, staff.password, '/staff/password');
    expect(login.headers.location).toBe('/staff/password');
  });

  it('shows three password fields with the right autocomplete hints', async () => {
    const { browser } = await signedIn();
    const page = await browser.get('/staff/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/for="currentPassword">Aktuelles Passwort</);
    expect(page.body).toMatch(/id="currentPassword" name="currentPassword" type="password" autocomplete="current-password"/);
    expect(page.body).toMatch(/id="newPassword" name="newPassword" type="password" autocomplete="new-password"[^>]*aria-describedby="newPassword-hint"/);
    expect(page.body).toMatch(/id="newPasswordConfirm" name="newPasswordConfirm" type="password" autocomplete="new-password"/);
  });

  it('names each problem at its field and changes nothing', async () => {
    const { staff, browser } = await signedIn();
    const token = await browser.csrfFrom('/staff/password');
    const post = (form: Record<string, string>) => browser.post('/staff/password', { _csrf: token, ...form });

    const empty = await post({ currentPassword: '', newPassword: '', newPasswordConfirm: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#currentPassword">Bitte geben Sie Ihr aktuelles Passwort ein.');
    expect(empty.body).toContain('href="#newPassword">Bitte geben Sie ein neues Passwort ein.');

    const short = await post({ currentPassword: staff.password, newPassword: 'zu kurz', newPasswordConfirm: 'zu kurz' });
    expect(short.body).toContain('href="#newPassword">Das neue Passwort muss mindestens 12 und höchstens 200 Zeichen lang sein.');
    expect(short.body).not.toContain(staff.password);

    const same = await post({ currentPassword: staff.password, newPassword: staff.password, newPasswordConfirm: staff.password });
    expect(same.body).toContain('href="#newPassword">Das neue Passwort muss sich vom aktuellen Passwort unterscheiden.');

    const mismatch = await post({ currentPassword: staff.password, newPassword: 'ein langes neues Passwort', newPasswordConfirm: 'ein langes anderes Passwort' });
    expect(mismatch.body).toContain('href="#newPasswordConfirm">Die Wiederholung stimmt nicht mit dem neuen Passwort überein.');

    const wrong = await post({ currentPassword: 'nicht das Passwort', newPassword: 'ein langes neues Passwort', newPasswordConfirm: 'ein langes neues Passwort' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#currentPassword">Das aktuelle Passwort ist nicht richtig.');

    // Still the old password.
    await loginAs(new Browser(ctx.app), staff.email, staff.password);
  });

  it('changes the password, ends all other sessions and rotates the current one', async () => {
    const { staff, browser } = await signedIn();
    const elsewhere = new Browser(ctx.app);
    await loginAs(elsewhere, staff.email, staff.password);
    const before = browser.cookies.get('rc_session')!;
    const token = await browser.csrfFrom('/staff/password');
    const newPassword = 'Mein neues Passwort für das Rathaus';
    const res = await browser.post('/staff/password', { _csrf: token, currentPassword: staff.password, newPassword, newPasswordConfirm: newPassword });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/password?changed=1');
    const after = browser.cookies.get('rc_session')!;
    expect(after).not.toBe(before);

    const confirmation = await browser.get('/staff/password?changed=1');
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Ihr Passwort wurde geändert. Alle anderen Sitzungen mit Ihrem Konto wurden beendet.');
    expect((await elsewhere.get('/wurzen/staff')).statusCode).toBe(303);
    expect((await ctx.app.inject({ url: '/wurzen/staff', cookies: { rc_session: before } })).statusCode).toBe(303);
    const sessions = await ctx.db.kysely.selectFrom('staff_sessions').select('user_id').where('user_id', '=', staff.id).execute();
    expect(sessions).toHaveLength(1);

    const oldLogin = new Browser(ctx.app);
    const oldToken = await oldLogin.csrfFrom('/staff/login');
    expect((await oldLogin.post('/staff/login', { _csrf: oldToken, email: staff.email, password: staff.password })).statusCode).toBe(401);
    await loginAs(new Browser(ctx.app), staff.email, newPassword);
  });

  it('counts wrong current passwords against the login throttle', async () => {
    const { browser } = await signedIn();
    const token = await browser.csrfFrom('/staff/password');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await browser.post('/staff/password', {
        _csrf: token,
        currentPassword: `geraten-${i}`,
        newPassword: 'ein langes neues Passwort',
        newPasswordConfirm: 'ein langes neues Passwort',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});
