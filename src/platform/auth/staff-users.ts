/**
 * Creating staff accounts and granting roles. Used by the seed, the CLI and the admin pages.
 */
import type { Database } from '../db/database.js';
import type { StaffRole } from '../db/schema.js';
import { hashPassword } from './passwords.js';

export interface NewStaffUser {
  email: string;
  displayName: string;
  password: string;
  isOperator?: boolean;
  memberships?: { tenantId: string; role: StaffRole }[];
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
    await trx.deleteFrom('staff_sessions').where('user_id', '=', row.id).execute();
    return true;
  });
}
