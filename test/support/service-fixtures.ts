/**
 * Fixture procedures for the citizen journey: the test services of test/fixtures/services/ run
 * through the simple workflow of test/fixtures/workflows/, and helpers to offer them online in a
 * municipality's catalogue.
 */
import path from 'node:path';
import type { Database } from '../../src/platform/db/database.js';
import { loadServiceDefinitionFile } from '../../src/definitions/loader/load-definition-files.js';
import { createServicePackages, type ServicePackage, type ServicePackages } from '../../src/definitions/service-package.js';
import { loadWorkflowFile } from '../../src/definitions/workflow/load-workflow.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The fixture packages: umzugsmeldung (UMZ) and sperrmuell (SPM). */
export function fixturePackages(): ServicePackages {
  const workflow = loadWorkflowFile(path.join(FIXTURES, 'workflows/simple.workflow.json'));
  const pkg = (id: string, referenceCode: string): ServicePackage => ({
    id,
    referenceCode,
    definitions: [loadServiceDefinitionFile(path.join(FIXTURES, `services/${id}.json`))],
    workflowFor: () => workflow,
    applicant(data) {
      const name = data.name as { given?: string; family?: string } | undefined;
      return { name: name ? text(`${name.given ?? ''} ${name.family ?? ''}`.trim()) : null, email: text(data.email) };
    },
  });
  return createServicePackages([pkg('umzugsmeldung', 'UMZ'), pkg('sperrmuell', 'SPM')]);
}

/** Lists a fixture service in the catalogue and offers it online in the given municipalities. */
export async function offerOnline(db: Database, serviceId: string, tenantSlugs: string[]): Promise<void> {
  await db.kysely
    .insertInto('catalog_services')
    .values({
      id: serviceId,
      leika_key: null,
      name: JSON.stringify({ de: `Testdienst ${serviceId}`, en: `Test service ${serviceId}` }),
      summary: JSON.stringify({ de: 'Ein Dienst für Tests.', en: 'A service for tests.' }),
      topic: 'test',
      sort_order: 900,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const slug of tenantSlugs) {
    const tenant = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('tenant_services')
      .values({ tenant_id: tenant.id, service_id: serviceId, status: 'online', planned_for: null })
      .onConflict((oc) => oc.columns(['tenant_id', 'service_id']).doUpdateSet({ status: 'online' }))
      .execute();
  }
}
