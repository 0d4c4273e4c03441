/**
 * The citizen journey: the form runner under `/{tenant}/{service}`, embeddable by the
 * municipality's registered origins.
 */
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { runnerRoutes } from './runner-routes.js';

/** Registers the runner's routes. */
export async function submissionsModule(app: FastifyInstance, services: AppServices): Promise<void> {
  await app.register(tenantScoped(runnerRoutes, services.tenants, services, { framable: true }));
}
