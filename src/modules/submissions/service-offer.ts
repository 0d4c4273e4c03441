/**
 * Which procedures a municipality offers online: a service is open to applicants when the
 * platform has its definition and the municipality lists it as online in its catalogue.
 */
import type { Database } from '../../platform/db/database.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import type { ServicePackage, ServicePackages } from '../../definitions/service-package.js';

export interface OfferedService {
  pkg: ServicePackage;
  /** The version new applications start on. */
  definition: ServiceDefinition;
}

/** The service if `tenantId` offers it online, else null. */
export async function findOfferedService(db: Database, packages: ServicePackages, tenantId: string, serviceId: string): Promise<OfferedService | null> {
  const pkg = packages.get(serviceId);
  const definition = packages.registry.latest(serviceId);
  if (!pkg || !definition) return null;
  const row = await db.kysely
    .selectFrom('tenant_services')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  return row?.status === 'online' ? { pkg, definition } : null;
}
