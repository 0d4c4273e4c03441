/**
 * Test data for the Gewerberegister: a Gewerbe case inserted directly (a notification that
 * passed the workflow) and applied to the register through the real register step, so tests of
 * the register pages, the isolation test and the exporter start from real entries and history.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../../platform/db/database.js';
import { applyToRegister } from '../register/update-register.js';

/** Inserts a confirmed Gewerbe case with the given answers; returns its id. The service version must be published (createApp does it). */
export async function insertGewerbeCase(db: Database, tenantId: string, answers: Record<string, unknown>, serviceId = 'gewerbe-anmeldung', at = new Date()): Promise<string> {
  return db.withTenant(tenantId, async (trx) => {
    const name = answers.name as { given: string; family: string };
    const row = await trx
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        reference: `TST-GEW-${randomBytes(4).toString('hex').toUpperCase()}`,
        service_id: serviceId,
        service_version: 1,
        state: 'confirmed',
        data: JSON.stringify(answers),
        applicant_name: `${name.given} ${name.family}`,
        applicant_email: typeof answers.email === 'string' ? answers.email : null,
        status_token_hash: randomBytes(32),
        submitted_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Inserts a Gewerbe case and applies it to the register; returns the case and the entry. */
export async function registerGewerbe(db: Database, tenantId: string, answers: Record<string, unknown>, serviceId = 'gewerbe-anmeldung', at = new Date()): Promise<{ caseId: string; entryId: string }> {
  const caseId = await insertGewerbeCase(db, tenantId, answers, serviceId, at);
  const entryId = await db.withTenant(tenantId, (trx) => applyToRegister(trx, tenantId, caseId, at));
  return { caseId, entryId };
}
