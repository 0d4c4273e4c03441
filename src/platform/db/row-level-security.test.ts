/**
 * Guards the tenancy design in the schema itself: every table that carries `tenant_id` is under
 * forced row-level security with a policy, and the application role can neither own tables nor
 * bypass the policies. A new tenant table without RLS fails here, not in a penetration test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { APP_ROLE } from './database.js';

// Tables with a tenant_id that are deliberately readable across tenants, and why
// (see the comments in migrations/0001_platform.sql).
const PUBLIC_TENANT_TABLES: Record<string, string> = {
  tenant_services: 'public catalogue: the platform home lists every municipality’s services at once',
  staff_memberships: 'staff identity: read at login before any tenant is chosen; only the auth module uses it',
  tenant_hostnames: 'host name → tenant lookup happens before the tenant is known',
  document_verifications: 'a verification code is looked up before the tenant is known; holds no personal data (0005_case_documents.sql)',
};

interface TenantTable {
  table: string;
  rls: boolean;
  forced: boolean;
  policies: number;
}

describe('row-level security coverage', () => {
  let testDb: TestDatabase;
  let tenantTables: TenantTable[];
  beforeAll(async () => {
    testDb = await createTestDatabase();
    tenantTables = await testDb.db.asOwner(async (o) =>
      (
        await o.query<TenantTable>(
          `SELECT c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                  (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            ORDER BY 1`,
        )
      ).rows,
    );
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('puts every table with tenant_id under enabled and forced RLS with a policy, unless allow-listed', () => {
    expect(tenantTables.length).toBeGreaterThan(Object.keys(PUBLIC_TENANT_TABLES).length);
    const unprotected = tenantTables
      .filter((t) => !(t.table in PUBLIC_TENANT_TABLES))
      .filter((t) => !t.rls || !t.forced || t.policies < 1)
      .map((t) => `${t.table} (rls ${t.rls ? 'on' : 'OFF'}, forced ${t.forced ? 'yes' : 'NO'}, ${t.policies} policies)`);
    expect(unprotected, 'tenant tables without forced row-level security; add ENABLE + FORCE ROW LEVEL SECURITY and a policy in a new migration').toEqual([]);
  });

  it('keeps the allow-list honest: each entry exists and has tenant_id', () => {
    const names = tenantTables.map((t) => t.table);
    for (const table of Object.keys(PUBLIC_TENANT_TABLES)) expect(names, `allow-listed table ${table}`).toContain(table);
  });

  it('gives the application role no ownership and no way around RLS', async () => {
    const facts = await testDb.db.asOwner(async (o) => {
      const role = await o.query<{ rolbypassrls: boolean; rolsuper: boolean }>('SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
      const owned = await o.query<{ relname: string }>('SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1', [APP_ROLE]);
      return { role: role.rows[0], owned: owned.rows.map((r) => r.relname) };
    });
    expect(facts.role).toEqual({ rolbypassrls: false, rolsuper: false });
    expect(facts.owned).toEqual([]);
    const who = await testDb.db.sql.query<{ current_user: string }>('SELECT current_user');
    expect(who.rows[0]?.current_user).toBe(APP_ROLE);
  });

  it('shows the application role no tenant rows while app.tenant_id is unset', async () => {
    const protectedTables = tenantTables.filter((t) => !(t.table in PUBLIC_TENANT_TABLES)).map((t) => t.table);
    let rowsOwnerSees = 0;
    for (const table of protectedTables) {
      const asApp = await testDb.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(asApp.rows[0]?.n, `${table} read without a tenant`).toBe(0);
      rowsOwnerSees += await testDb.db.asOwner(async (o) => (await o.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]?.n ?? 0);
    }
    // The seed fills tenant_pages, so the zero above is the policy at work, not an empty table.
    expect(rowsOwnerSees).toBeGreaterThan(0);
  });
});
