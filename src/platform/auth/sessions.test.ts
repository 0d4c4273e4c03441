import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, type TestStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { sessionTokenHash } from './sessions.js';

const MINUTE = 60_000;

describe('staff session timeouts', () => {
  let ctx: TestContext;
  let clock: TestClock;
  let staff: TestStaff;
  beforeAll(async () => {
    clock = new TestClock();
    ctx = await createTestContext({ clock, settings: { sessionIdleMinutes: 30, sessionAbsoluteHours: 10 } });
    staff = await createStaff(ctx.db, { tenantSlug: 'lossatal' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function lastSeen(browser: Browser): Promise<Date> {
    const row = await ctx.db.kysely
      .selectFrom('staff_sessions')
      .select('last_seen_at')
      .where('token_hash', '=', sessionTokenHash(browser.cookies.get('rc_session')!)!)
      .executeTakeFirstOrThrow();
    return new Date(row.last_seen_at);
  }

  it('ends a session after the idle time without requests, and deletes it', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    const token = browser.cookies.get('rc_session')!;
    clock.advance(29 * MINUTE);
    expect((await browser.get('/lossatal/staff')).statusCode).toBe(200);
    clock.advance(29 * MINUTE); // 58 minutes after login, but never 30 idle
    expect((await browser.get('/lossatal/staff')).statusCode).toBe(200);
    clock.advance(30 * MINUTE);
    const res = await browser.get('/lossatal/staff');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login?next=%2Flossatal%2Fstaff');
    expect(browser.cookies.has('rc_session')).toBe(false);
    const rows = await ctx.db.kysely.selectFrom('staff_sessions').select('user_id').where('token_hash', '=', sessionTokenHash(token)!).execute();
    expect(rows).toHaveLength(0);
  });

  it('ends a session at the absolute limit however active it is', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    for (let i = 0; i < 9 * 3; i++) {
      clock.advance(20 * MINUTE);
      expect((await browser.get('/lossatal/staff')).statusCode, `after ${(i + 1) * 20} minutes`).toBe(200);
    }
    for (const minutes of [20, 20, 19]) {
      clock.advance(minutes * MINUTE); // up to 9 h 59 min after login
      expect((await browser.get('/lossatal/staff')).statusCode).toBe(200);
    }
    clock.advance(1 * MINUTE); // 10 h
    expect((await browser.get('/lossatal/staff')).statusCode).toBe(303);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const browser = new Browser(ctx.app);
    await loginAs(browser, staff.email, staff.password);
    const first = await lastSeen(browser);
    clock.advance(30_000);
    await browser.get('/lossatal/staff');
    expect(await lastSeen(browser)).toEqual(first);
    clock.advance(31_000);
    await browser.get('/lossatal/staff');
    expect((await lastSeen(browser)).getTime()).toBe(first.getTime() + 61_000);
  });

  it('refuses the session of a disabled account at once', async () => {
    const other = await createStaff(ctx.db, { tenantSlug: 'lossatal' });
    const browser = new Browser(ctx.app);
    await loginAs(browser, other.email, other.password);
    await ctx.db.kysely.updateTable('staff_users').set({ disabled: true }).where('id', '=', other.id).execute();
    expect((await browser.get('/lossatal/staff')).statusCode).toBe(303);
  });

  it('sweeps run-out sessions at login, so abandoned ones do not pile up', async () => {
    const abandoned = new Browser(ctx.app);
    await loginAs(abandoned, staff.email, staff.password);
    const idle = new Browser(ctx.app);
    const other = await createStaff(ctx.db, { tenantSlug: 'lossatal' });
    await loginAs(idle, other.email, other.password);
    const hashOf = (b: Browser) => sessionTokenHash(b.cookies.get('rc_session')!)!;
    const exists = async (b: Browser) =>
      (await ctx.db.kysely.selectFrom('staff_sessions').select('user_id').where('token_hash', '=', hashOf(b)).execute()).length === 1;

    clock.advance(31 * MINUTE);
    await loginAs(new Browser(ctx.app), other.email, other.password);
    expect(await exists(idle)).toBe(false); // the same person's idle session
    expect(await exists(abandoned)).toBe(true); // someone else's idle one waits for its absolute end

    clock.advance(10 * 60 * MINUTE);
    await loginAs(new Browser(ctx.app), other.email, other.password);
    expect(await exists(abandoned)).toBe(false);
  });

  it('ignores malformed and unknown tokens without error', async () => {
    for (const value of ['x', 'A'.repeat(43), '%00', 'B'.repeat(500)]) {
      const res = await ctx.app.inject({ url: '/staff', cookies: { rc_session: value } });
      expect(res.statusCode, value).toBe(303);
    }
  });
});
