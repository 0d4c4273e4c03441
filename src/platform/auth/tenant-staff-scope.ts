/**
 * The one way to register a municipality's staff pages: below `/{tenant}/staff`, with the tenant
 * resolved, a session required and a role in that tenant checked before anything else runs
 * (onRequest, so even the body of a cross-tenant request is never parsed). Modules that add back
 * office pages register them through this helper; the cross-tenant test walks every route under
 * `/:tenant/staff` and proves another municipality's staff get 404.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { StaffRole } from '../db/schema.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';
import { tenantScoped } from '../tenancy/tenant-scope.js';
import { requireStaffSession, requireTenantRole } from './policies.js';

/** Registers `routes` below `/:tenant/staff`, for staff with one of `roles` (default: any role) in that tenant. */
export function tenantStaffScoped<O extends object>(
  routes: FastifyPluginAsync<O>,
  directory: TenantDirectory,
  options: O,
  roles?: readonly StaffRole[],
): (app: FastifyInstance) => Promise<void> {
  const guarded: FastifyPluginAsync<O> = async (scope, opts) => {
    await scope.register(
      async (staffScope) => {
        staffScope.addHook('onRequest', requireStaffSession);
        staffScope.addHook('onRequest', async (request) => {
          requireTenantRole(request, roles);
        });
        await staffScope.register(routes, opts);
      },
      { prefix: '/staff' },
    );
  };
  return tenantScoped(guarded, directory, options);
}
