/**
 * Login throttling per account and per client address (ASVS 2.2.1, BSI ORP.4.A22).
 *
 * An attempt is counted *before* the password is checked, in one atomic statement
 * (INSERT … ON CONFLICT … RETURNING), so parallel requests cannot all slip through before the
 * first failure is recorded: of N simultaneous guesses at most `freeAttempts` get a password
 * check. Once the count reaches `freeAttempts`, the key is blocked for 30 s, then 60 s, 120 s …
 * up to 15 min, one further check allowed after each block. While blocked, attempts are refused
 * without a check and without counting. The window restarts when a block ends, so failures are
 * remembered for `windowMinutes` after the last block; a quiet window forgets them.
 *
 * Keys are hashes ('acct:' + e-mail, 'ip:' + address): the table holds no address in clear, and
 * an unknown e-mail address is counted exactly like a known one.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { normaliseEmail } from './staff-users.js';

const FIRST_BLOCK_SECONDS = 30;
const MAX_BLOCK_SECONDS = 15 * 60;
/** Caps the exponent so power() cannot overflow however long an attack goes on. */
const MAX_DOUBLINGS = 16;

export interface ThrottleRule {
  freeAttempts: number;
  windowMinutes: number;
}

export type AttemptAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** The throttle key of an account (by normalised e-mail address). */
export function accountThrottleKey(email: string): string {
  return hashKey(`acct:${normaliseEmail(email)}`);
}

/** The throttle key of a client address. */
export function addressThrottleKey(ip: string): string {
  return hashKey(`ip:${ip}`);
}

function hashKey(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Seconds of the block that starts with failure number `count` (counting from one). */
export function blockSecondsAfter(count: number, freeAttempts: number): number {
  if (count < freeAttempts) return 0;
  return Math.min(FIRST_BLOCK_SECONDS * 2 ** Math.min(count - freeAttempts, MAX_DOUBLINGS), MAX_BLOCK_SECONDS);
}

/**
 * Counts an attempt for `key` if the key is not blocked, and blocks it ahead of the check when
 * this attempt reaches the limit (a success lifts that again: {@link resetAttempts} or
 * {@link refundAttempt}). Refused attempts change nothing and say how long to wait.
 */
export async function admitAttempt(db: Kysely<DB>, key: string, now: Date, rule: ThrottleRule): Promise<AttemptAdmission> {
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const free = sql`${rule.freeAttempts}::int`;
  const at = sql`${now}::timestamptz`;
  const count = sql`(CASE WHEN t.window_started_at <= ${windowStart}::timestamptz THEN 1 ELSE t.failures + 1 END)`;
  const blockAfter = (n: typeof count) =>
    sql`(CASE WHEN ${n} >= ${free} THEN ${at} + make_interval(secs => least(${FIRST_BLOCK_SECONDS}::float8 * power(2, least(${n} - ${free}, ${MAX_DOUBLINGS}::int)), ${MAX_BLOCK_SECONDS}::float8)) END)`;
  const counted = await sql<{ failures: number }>`
    INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until)
    VALUES (${key}, 1, coalesce(${blockAfter(sql`1`)}, ${at}), ${blockAfter(sql`1`)})
    ON CONFLICT (key) DO UPDATE SET
      failures = ${count},
      blocked_until = ${blockAfter(count)},
      window_started_at = CASE
        WHEN ${count} >= ${free} THEN ${blockAfter(count)}
        WHEN t.window_started_at <= ${windowStart}::timestamptz THEN ${at}
        ELSE t.window_started_at END
    WHERE t.blocked_until IS NULL OR t.blocked_until <= ${at}
    RETURNING failures`.execute(db);
  if (counted.rows.length > 0) return { admitted: true };
  const blocked = await db.selectFrom('login_throttle').select('blocked_until').where('key', '=', key).executeTakeFirst();
  const until = blocked?.blocked_until ? new Date(blocked.blocked_until).getTime() : now.getTime();
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/**
 * Takes back an attempt that turned out not to be a failure (the password was right, or another
 * key refused it before any check), lifting a block this attempt set in advance.
 */
export async function refundAttempt(db: Kysely<DB>, key: string, rule: ThrottleRule): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({
      failures: sql`greatest(${eb.ref('failures')} - 1, 0)`,
      blocked_until: sql`CASE WHEN ${eb.ref('failures')} - 1 < ${rule.freeAttempts}::int THEN NULL ELSE ${eb.ref('blocked_until')} END`,
    }))
    .where('key', '=', key)
    .execute();
}

/** Forgets all failures of a key (successful login of the account, password reset by an admin). */
export async function resetAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
