/**
 * Test data for cases: look up seeded tenants and insert minimal cases directly, for tests of the
 * layers below the submission flow (event log, reference numbers, back office queries).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/platform/db/database.js';

/** The id of a seeded tenant by slug. */
export async function tenantIdOf(db: Database, slug: string): Promise<string> {
  const row = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/** Publishes a trivial service version for tests if it is not there yet. */
export async function ensureTestServiceVersion(db: Database, serviceId = 'test-service', version = 1): Promise<void> {
  await db.kysely
    .insertInto('service_versions')
    .values({ service_id: serviceId, version, content_hash: 'test', definition: JSON.stringify({ id: serviceId, version }) })
    .onConflict((oc) => oc.columns(['service_id', 'version']).doNothing())
    .execute();
}

/** Inserts a submitted case with a random reference; returns its id. */
export async function insertTestCase(db: Database, tenantId: string, fields: { state?: string; data?: Record<string, unknown>; applicantName?: string } = {}): Promise<string> {
  await ensureTestServiceVersion(db);
  return db.withTenant(tenantId, async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        reference: `TEST-${randomBytes(5).toString('hex')}`,
        service_id: 'test-service',
        service_version: 1,
        state: fields.state ?? 'submitted',
        data: JSON.stringify(fields.data ?? {}),
        applicant_name: fields.applicantName ?? null,
        status_token_hash: randomBytes(32),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}
