/**
 * Checking a staff member's password under the login throttle. Unknown, disabled and known
 * accounts take the same path — the same throttle counting, one argon2 verification (against a
 * dummy hash when there is no account) — so neither the answer nor its timing tells whether an
 * e-mail address has an account.
 */
import type { Database } from '../db/database.js';
import { accountThrottleKey, addressThrottleKey, admitAttempt, refundAttempt, resetAttempts, type ThrottleRule } from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { findPasswordHash, findStaffCredentials } from './staff-users.js';

export interface ThrottleSettings {
  loginFreeAttempts: number;
  loginFreeAttemptsPerAddress: number;
  loginWindowMinutes: number;
}

export type PasswordCheck = { outcome: 'ok'; userId: string } | { outcome: 'wrong' } | { outcome: 'throttled'; retryAfterSeconds: number };

function rules(settings: ThrottleSettings): { account: ThrottleRule; address: ThrottleRule } {
  return {
    account: { freeAttempts: settings.loginFreeAttempts, windowMinutes: settings.loginWindowMinutes },
    address: { freeAttempts: settings.loginFreeAttemptsPerAddress, windowMinutes: settings.loginWindowMinutes },
  };
}

/**
 * Runs `check` if both the address and the account admit another attempt. A successful check
 * clears the account's failures and takes back the address's attempt, so colleagues behind one
 * office address do not lock each other out by logging in.
 */
async function throttled(
  db: Database,
  settings: ThrottleSettings,
  keys: { account: string; address: string },
  now: Date,
  check: () => Promise<string | null>,
): Promise<PasswordCheck> {
  const rule = rules(settings);
  const address = await admitAttempt(db.kysely, keys.address, now, rule.address);
  if (!address.admitted) return { outcome: 'throttled', retryAfterSeconds: address.retryAfterSeconds };
  const account = await admitAttempt(db.kysely, keys.account, now, rule.account);
  if (!account.admitted) {
    await refundAttempt(db.kysely, keys.address, rule.address);
    return { outcome: 'throttled', retryAfterSeconds: account.retryAfterSeconds };
  }
  const userId = await check();
  if (!userId) return { outcome: 'wrong' };
  await resetAttempts(db.kysely, keys.account);
  await refundAttempt(db.kysely, keys.address, rule.address);
  return { outcome: 'ok', userId };
}

/** Checks e-mail and password at login. */
export async function authenticateStaff(
  db: Database,
  settings: ThrottleSettings,
  attempt: { email: string; password: string; ip: string; now: Date },
): Promise<PasswordCheck> {
  const keys = { account: accountThrottleKey(attempt.email), address: addressThrottleKey(attempt.ip) };
  return throttled(db, settings, keys, attempt.now, async () => {
    const user = await findStaffCredentials(db, attempt.email);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
    return user && valid && !user.disabled ? user.id : null;
  });
}

/**
 * Checks the current password of a signed-in user (password change). Counted against the same
 * account throttle as the login, so a stolen session cannot be used to guess the password.
 */
export async function verifyCurrentPassword(
  db: Database,
  settings: ThrottleSettings,
  attempt: { userId: string; email: string; password: string; ip: string; now: Date },
): Promise<PasswordCheck> {
  const keys = { account: accountThrottleKey(attempt.email), address: addressThrottleKey(attempt.ip) };
  return throttled(db, settings, keys, attempt.now, async () => {
    const hash = await findPasswordHash(db, attempt.userId);
    return hash && (await verifyPassword(hash, attempt.password)) ? attempt.userId : null;
  });
}
