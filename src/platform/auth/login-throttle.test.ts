import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { admitAttempt, refundAttempt } from './login-throttle.js';

describe('admitAttempt', () => {
  let testDb: TestDatabase;
  const now = new Date('2026-11-28T09:00:00Z');
  const rule = { freeAttempts: 5, windowMinutes: 15 };
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('admits exactly the free attempts out of many simultaneous ones', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => admitAttempt(testDb.db.kysely, 'parallel', now, rule)));
    expect(results.filter((r) => r.admitted)).toHaveLength(5);
    const refused = results.filter((r) => !r.admitted);
    expect(refused).toHaveLength(25);
    expect(refused.every((r) => !r.admitted && r.retryAfterSeconds === 30)).toBe(true);
  });

  it('lifts a block set ahead by an attempt that turned out right', async () => {
    for (let i = 0; i < 5; i++) expect((await admitAttempt(testDb.db.kysely, 'refund', now, rule)).admitted).toBe(true);
    expect((await admitAttempt(testDb.db.kysely, 'refund', now, rule)).admitted).toBe(false);
    await refundAttempt(testDb.db.kysely, 'refund', rule);
    expect((await admitAttempt(testDb.db.kysely, 'refund', now, rule)).admitted).toBe(true);
  });

  it('forgets failures once the window has passed', async () => {
    for (let i = 0; i < 4; i++) await admitAttempt(testDb.db.kysely, 'window', now, rule);
    const later = new Date(now.getTime() + 15 * 60_000);
    for (let i = 0; i < 4; i++) expect((await admitAttempt(testDb.db.kysely, 'window', later, rule)).admitted).toBe(true);
    const row = await testDb.db.kysely.selectFrom('login_throttle').select(['failures', 'blocked_until']).where('key', '=', 'window').executeTakeFirstOrThrow();
    expect(row).toEqual({ failures: 4, blocked_until: null });
  });
});
