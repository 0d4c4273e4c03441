/**
 * The traffic order's own routes: the public restriction pages and feeds, the parties' statement
 * pages (`/{tenant}/anhoerung/{token}`, no account), the caseworker's consultation form below
 * `/{tenant}/staff` (caseworkers and tenant admins of that municipality only), and the applicant's
 * pages after approval below the status link (set-up record, completion report, extension).
 */
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { partyConsultationRoutes } from './consultation/party-routes.js';
import { afterApprovalCitizenRoutes } from './after-approval/citizen-routes.js';
import { staffConsultationRoutes } from './consultation/staff-consultation-routes.js';
import { trafficPublicModule } from './public/public-routes.js';

/** Who may start a consultation. */
export const CONSULTATION_ROLES: readonly StaffRole[] = ['caseworker', 'tenant-admin'];

/** Registers every route of the traffic order. */
export async function trafficModule(app: FastifyInstance, services: AppServices): Promise<void> {
  await trafficPublicModule(app, services);
  await app.register(tenantScoped(partyConsultationRoutes, services.tenants, services));
  await app.register(tenantStaffScoped(staffConsultationRoutes, services.tenants, services, CONSULTATION_ROLES));
  // Below the status link, embeddable like the status page.
  await app.register(tenantScoped(afterApprovalCitizenRoutes, services.tenants, services, { framable: true }));
}
