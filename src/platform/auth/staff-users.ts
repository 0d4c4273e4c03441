/**
 * Creating staff accounts and granting roles. Used by the seed, the CLI and the admin pages.
 */
import type { Database } from '../db/database.js';
import type { StaffRole } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { StaffPrincipal } from './principal.js';
import { endAllSessions } from './sessions.js';

export interface NewStaffUser {
  email: string;
  displayName: string;
  password: string;
  isOperator?: boolean;
  memberships?: { tenantId: string; role: StaffRole }[];
}

// Deliberately loose: the account list decides which addresses exist; this only catches typos.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True for something shaped like an e-mail address of at most 254 characters (RFC 5321). */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_SHAPE.test(email);
}

/** Normalises an e-mail address for lookups (trimmed, lower case). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a staff account with its memberships in one transaction; returns the new id. */
export async function createStaffUser(db: Database, user: NewStaffUser): Promise<string> {
  const passwordHash = await hashPassword(user.password);
  return db.transaction(async (trx) => {
    const row = await trx
      .insertInto('staff_users')
      .values({ email: normaliseEmail(user.email), display_name: user.displayName, password_hash: passwordHash, is_operator: user.isOperator ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const m of user.memberships ?? []) {
      await trx.insertInto('staff_memberships').values({ tenant_id: m.tenantId, user_id: row.id, role: m.role }).execute();
    }
    return row.id;
  });
}

/** Sets a new password and ends all of the user's sessions. Returns false for an unknown e-mail. */
export async function resetStaffPassword(db: Database, email: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (trx) => {
    const row = await trx
      .updateTable('staff_users')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('email', '=', normaliseEmail(email))
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await endAllSessions(trx, row.id);
    return true;
  });
}

/** What login needs to check a password; null for an unknown e-mail address. */
export async function findStaffCredentials(db: Database, email: string): Promise<{ id: string; passwordHash: string; disabled: boolean } | null> {
  const row = await db.kysely
    .selectFrom('staff_users')
    .select(['id', 'password_hash', 'disabled'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row ? { id: row.id, passwordHash: row.password_hash, disabled: row.disabled } : null;
}

/** The stored password hash of a user (for checking the current password on a change). */
export async function findPasswordHash(db: Database, userId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('staff_users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

/**
 * Loads the principal of a session: the user and their roles in active municipalities, sorted
 * by name. Null when the user is gone or disabled.
 */
export async function findStaffPrincipal(db: Database, userId: string, sessionId: string): Promise<StaffPrincipal | null> {
  const user = await db.kysely
    .selectFrom('staff_users')
    .select(['id', 'email', 'display_name', 'is_operator', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const memberships = await db.kysely
    .selectFrom('staff_memberships as m')
    .innerJoin('tenants as t', 't.id', 'm.tenant_id')
    .select(['m.tenant_id', 'm.role', 't.slug', 't.official_name'])
    .where('m.user_id', '=', userId)
    .where('t.active', '=', true)
    .orderBy('t.official_name')
    .execute();
  return new StaffPrincipal(
    user.id,
    user.email,
    user.display_name,
    user.is_operator,
    memberships.map((m) => ({ tenantId: m.tenant_id, tenantSlug: m.slug, tenantName: m.official_name, role: m.role })),
    sessionId,
  );
}
