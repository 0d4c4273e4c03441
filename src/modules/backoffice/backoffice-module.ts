/**
 * The back office: inbox, case page (with workflow steps, notes, files), "my tasks" and the
 * dashboard with its CSV export, all below `/{tenant}/staff` for staff with a role in that
 * municipality (`tenantStaffScoped` checks it before any handler runs; others get 404).
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../../app.js';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import { backOfficeDeps, type BackOfficeDeps, type BackOfficeOptions } from './backoffice-deps.js';
import { caseRoutes } from './case-routes.js';
import { describeFromDefinitions } from './definition-data-view.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { inboxRoutes } from './inbox-routes.js';
import { tasksRoutes } from './tasks-routes.js';
import { transitionRoutes } from './transition-routes.js';

const backOfficeRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  await app.register(inboxRoutes, deps);
  await app.register(caseRoutes, deps);
  await app.register(transitionRoutes, deps);
  await app.register(tasksRoutes, deps);
  await app.register(dashboardRoutes, deps);
};

/** Registers the back office pages. */
export async function backOfficeModule(
  app: FastifyInstance,
  services: Pick<AppServices, 'db' | 'clock' | 'storage' | 'caseEngine' | 'tenants' | 'packages'>,
  options: BackOfficeOptions = {},
): Promise<void> {
  // The submitted data is rendered from the procedures' definitions unless the caller brings its own renderer.
  const describeCaseData = options.describeCaseData ?? describeFromDefinitions(services.packages.registry);
  const deps = backOfficeDeps({ db: services.db, clock: services.clock, storage: services.storage, engine: services.caseEngine }, { ...options, describeCaseData });
  await app.register(tenantStaffScoped(backOfficeRoutes, services.tenants, deps));
}
