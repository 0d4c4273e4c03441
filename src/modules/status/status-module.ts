/**
 * The applicant's status page, embeddable like the form runner.
 */
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { statusRoutes } from './status-routes.js';

/** Registers the status page routes. */
export async function statusModule(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(tenantScoped(statusRoutes, services.tenants, services, { framable: true }));
}
