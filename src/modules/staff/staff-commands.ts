/**
 * The state changes of the staff area, each in one transaction: signing in (always a new session
 * token — session fixation is impossible because a token is only ever issued here), signing out,
 * and changing the password (which ends every session of the account and issues a fresh one
 * for the browser that made the change).
 */
import { hashPassword } from '../../platform/auth/passwords.js';
import { createSession, endAllSessions, endSession, purgeExpiredSessions, type SessionPolicy } from '../../platform/auth/sessions.js';
import type { Database } from '../../platform/db/database.js';

/** Opens a new session for a user whose password was just checked; returns the cookie token. */
export async function signIn(db: Database, userId: string, previousToken: string | undefined, now: Date, policy: SessionPolicy): Promise<string> {
  return db.transaction(async (trx) => {
    // Whatever session this browser had before (its own or one planted on it) ends here.
    if (previousToken) await endSession(trx, previousToken);
    await purgeExpiredSessions(trx, userId, now, policy);
    return createSession(trx, userId, now, policy);
  });
}

/** Ends the session of this token; the cookie is worthless afterwards. */
export async function signOut(db: Database, token: string): Promise<void> {
  await endSession(db.kysely, token);
}

/**
 * Stores a new password, ends all sessions of the user (any stolen session dies with the old
 * password) and returns the token of a new session for the current browser.
 */
export async function changePassword(db: Database, userId: string, newPassword: string, now: Date, policy: SessionPolicy): Promise<string> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (trx) => {
    await trx.updateTable('staff_users').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', userId).execute();
    await endAllSessions(trx, userId);
    return createSession(trx, userId, now, policy);
  });
}
