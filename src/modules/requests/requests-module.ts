/**
 * Information requests (Nachforderungen): the staff form and commands below `/{tenant}/staff`
 * (caseworkers and tenant admins of that municipality only), and the applicant's answer below
 * the status link (embeddable like the status page). The case page's panel is
 * {@link requestsCasePanel}, passed to the back office in `createApp`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { applicantRequestRoutes } from './applicant-request-routes.js';
import { staffRequestRoutes } from './staff-request-routes.js';

export { requestsCasePanel } from './requests-panel.js';

/** Who may ask for information and withdraw requests. */
export const REQUEST_ROLES: readonly StaffRole[] = ['caseworker', 'tenant-admin'];

/** Registers the staff and applicant routes of information requests. */
export async function requestsModule(app: FastifyInstance, services: AppServices): Promise<void> {
  const staffDeps = { db: services.db, queue: services.queue, clock: services.clock, engine: services.caseEngine, settings: services.settings };
  await app.register(tenantStaffScoped(staffRequestRoutes, services.tenants, staffDeps, REQUEST_ROLES));
  await app.register(tenantScoped(applicantRequestRoutes, services.tenants, services, { framable: true }));
}
