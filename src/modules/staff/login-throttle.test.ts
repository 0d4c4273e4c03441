import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, loginAs, type TestStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { accountThrottleKey, blockSecondsAfter } from '../../platform/auth/login-throttle.js';

/** A browser behind its own client address (the app trusts one proxy hop in these tests). */
function browserAt(ctx: TestContext, ip: string) {
  const browser = new Browser(ctx.app);
  return {
    browser,
    async attempt(email: string, password: string): Promise<LightMyRequestResponse> {
      const token = await browser.csrfFrom('/staff/login');
      return browser.post('/staff/login', { _csrf: token, email, password }, { 'x-forwarded-for': ip });
    },
  };
}

/** The page with what legitimately differs between two browsers and two addresses blanked out. */
function comparable(res: LightMyRequestResponse, email: string): string {
  return res.body.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""').replaceAll(email, 'EMAIL');
}

describe('login throttling', () => {
  let ctx: TestContext;
  let clock: TestClock;
  let staff: TestStaff;
  beforeAll(async () => {
    clock = new TestClock();
    ctx = await createTestContext({ clock, settings: { trustProxyHops: 1, loginFreeAttempts: 5, loginFreeAttemptsPerAddress: 8, loginWindowMinutes: 15 } });
    staff = await createStaff(ctx.db, { tenantSlug: 'thallwitz' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('blocks for 30 s, 60 s, 120 s … up to 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 50].map((n) => blockSecondsAfter(n, 5))).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('throttles ten wrong passwords in a row, and answers an unknown user identically', async () => {
    const known = browserAt(ctx, '198.51.100.1');
    const unknown = browserAt(ctx, '198.51.100.2');
    const unknownEmail = 'niemand-hier@thallwitz.example';
    const knownAnswers: LightMyRequestResponse[] = [];
    const unknownAnswers: LightMyRequestResponse[] = [];
    for (let i = 0; i < 10; i++) {
      knownAnswers.push(await known.attempt(staff.email, `falsches-passwort-${i}`));
      unknownAnswers.push(await unknown.attempt(unknownEmail, `falsches-passwort-${i}`));
    }
    const statuses = knownAnswers.map((r) => r.statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(unknownAnswers.map((r) => r.statusCode)).toEqual(statuses);
    expect(knownAnswers[9]!.headers['retry-after']).toBe('30');
    expect(unknownAnswers.map((r) => r.headers['retry-after'])).toEqual(knownAnswers.map((r) => r.headers['retry-after']));
    for (let i = 0; i < 10; i++) {
      expect(comparable(unknownAnswers[i]!, unknownEmail), `answer ${i + 1}`).toBe(comparable(knownAnswers[i]!, staff.email));
    }
    expect(knownAnswers[9]!.body).toContain('Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 1 Minute(n)');

    // While blocked even the right password is not checked.
    expect((await known.attempt(staff.email, staff.password)).statusCode).toBe(429);
    // After the block one more check is allowed; the right password signs in and clears the account.
    clock.advance(30_000);
    expect((await known.attempt(staff.email, staff.password)).statusCode).toBe(303);
    const row = await ctx.db.kysely.selectFrom('login_throttle').select('failures').where('key', '=', accountThrottleKey(staff.email)).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('lets the block grow with each further failure after a block', async () => {
    const other = await createStaff(ctx.db, { tenantSlug: 'thallwitz' });
    const client = browserAt(ctx, '198.51.100.3');
    for (let i = 0; i < 5; i++) await client.attempt(other.email, 'falsches-passwort');
    let res = await client.attempt(other.email, 'falsches-passwort');
    expect(res.headers['retry-after']).toBe('30');
    clock.advance(30_000);
    expect((await client.attempt(other.email, 'falsches-passwort')).statusCode).toBe(401);
    res = await client.attempt(other.email, 'falsches-passwort');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    clock.advance(60_000);
    await client.attempt(other.email, 'falsches-passwort');
    expect((await client.attempt(other.email, other.password)).headers['retry-after']).toBe('120');
    // A quiet window after the block forgets the failures.
    clock.advance(120_000 + 15 * 60_000);
    expect((await client.attempt(other.email, other.password)).statusCode).toBe(303);
  });

  it('a successful login resets the account counter', async () => {
    const other = await createStaff(ctx.db, { tenantSlug: 'thallwitz' });
    const client = browserAt(ctx, '198.51.100.4');
    for (let i = 0; i < 4; i++) expect((await client.attempt(other.email, 'falsches-passwort')).statusCode).toBe(401);
    await loginAs(client.browser, other.email, other.password);
    const again = browserAt(ctx, '198.51.100.4');
    for (let i = 0; i < 4; i++) expect((await again.attempt(other.email, 'falsches-passwort')).statusCode).toBe(401);
  });

  it('throttles one client address trying many accounts', async () => {
    const client = browserAt(ctx, '198.51.100.5');
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await client.attempt(`konto-${i}@thallwitz.example`, 'falsches-passwort')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    // Another address is not affected.
    expect((await browserAt(ctx, '198.51.100.6').attempt('konto-0@thallwitz.example', 'falsches-passwort')).statusCode).toBe(401);
  });

  it('lets no more than the free attempts through when they arrive in parallel', async () => {
    const target = await createStaff(ctx.db, { tenantSlug: 'thallwitz' });
    const clients = Array.from({ length: 16 }, (_, i) => browserAt(ctx, `203.0.113.${i + 1}`));
    const tokens = await Promise.all(clients.map((c) => c.browser.csrfFrom('/staff/login')));
    const answers = await Promise.all(
      clients.map((c, i) =>
        c.browser.post('/staff/login', { _csrf: tokens[i]!, email: target.email, password: `falsch-${i}` }, { 'x-forwarded-for': `203.0.113.${i + 1}` }),
      ),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429).length;
    expect(checked).toBe(5);
    expect(refused).toBe(11);
    const row = await ctx.db.kysely.selectFrom('login_throttle').select('failures').where('key', '=', accountThrottleKey(target.email)).executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
  });

  it('never writes the e-mail address into the throttle table', async () => {
    const rows = await ctx.db.kysely.selectFrom('login_throttle').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
