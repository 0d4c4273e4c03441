/**
 * Server-side staff sessions (ASVS 3.2/3.3). The cookie carries a random 32-byte token; the
 * database keeps only its SHA-256, so a leaked table grants no access. A session ends at logout,
 * after `sessionIdleMinutes` without a request, and `sessionAbsoluteHours` after login, whatever
 * the activity. Every time comes from the injected clock, never from the database's now(), so
 * tests can move time and all web copies agree on one definition of "expired".
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** How long a session may go without a write of last_seen_at; bounds writes to one a minute. */
const TOUCH_INTERVAL_MS = 60_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionPolicy {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export interface ActiveSession {
  userId: string;
  /** SHA-256 of the token, hex: the session's id in logs and CSRF bindings. */
  id: string;
}

/** A new random session token, as it goes into the cookie (base64url, 43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token; null for anything that cannot be a token we issued. */
export function sessionTokenHash(token: string): Buffer | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  return createHash('sha256').update(token).digest();
}

/** Opens a session for the user; returns the cookie token. Pass `trx` inside a transaction. */
export async function createSession(db: Kysely<DB>, userId: string, now: Date, policy: SessionPolicy): Promise<string> {
  const token = newSessionToken();
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: sessionTokenHash(token)!,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.sessionAbsoluteHours * 3_600_000),
    })
    .execute();
  return token;
}

/**
 * Resolves a cookie token to a live session of an enabled user, or null. An expired or idle
 * session is deleted on sight. last_seen_at is written at most once a minute, so the idle
 * timeout is enforced to within a minute on the safe side (never longer than configured).
 */
export async function findActiveSession(db: Database, token: string, now: Date, policy: SessionPolicy): Promise<ActiveSession | null> {
  const hash = sessionTokenHash(token);
  if (!hash) return null;
  const row = await db.kysely
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.last_seen_at', 's.expires_at', 'u.disabled'])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
  const expired = new Date(row.expires_at).getTime() <= now.getTime() || idleSince >= policy.sessionIdleMinutes * 60_000;
  if (expired || row.disabled) {
    await db.kysely.deleteFrom('staff_sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (idleSince >= TOUCH_INTERVAL_MS) {
    await db.kysely.updateTable('staff_sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return { userId: row.user_id, id: hash.toString('hex') };
}

/** Ends one session (logout). Unknown tokens are ignored. */
export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  const hash = sessionTokenHash(token);
  if (hash) await db.deleteFrom('staff_sessions').where('token_hash', '=', hash).execute();
}

/** Ends every session of a user (password change or reset, account disabled). */
export async function endAllSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

/**
 * Deletes sessions that have run out: everyone's past their absolute end (cheap: `expires_at` is
 * indexed) and this user's idle ones. Called at login, so the table never holds more than the
 * sessions opened within the last `sessionAbsoluteHours`.
 */
export async function purgeExpiredSessions(db: Kysely<DB>, userId: string, now: Date, policy: SessionPolicy): Promise<void> {
  const idleLimit = new Date(now.getTime() - policy.sessionIdleMinutes * 60_000);
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).where('last_seen_at', '<=', idleLimit).execute();
}
