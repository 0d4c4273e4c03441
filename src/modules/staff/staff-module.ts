/**
 * The staff module: login and logout, the start pages and the password change. The session
 * itself is resolved for every request by the platform's session plugin.
 */
import type { FastifyInstance } from 'fastify';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import { accountRoutes } from './account-routes.js';
import { loginRoutes, type StaffDeps } from './login-routes.js';
import { tenantStaffRoutes } from './tenant-staff-routes.js';

/** Registers the staff pages. */
export async function staffModule(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  await loginRoutes(app, deps);
  await accountRoutes(app, deps);
  await app.register(tenantStaffScoped(tenantStaffRoutes, deps.tenants, {}));
}
