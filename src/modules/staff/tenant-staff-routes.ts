/**
 * A municipality's staff start page, `/{tenant}/staff`: who is signed in, their role here and the
 * municipality's details. The back office (inbox, cases) joins it under the same scope.
 */
import type { FastifyPluginAsync } from 'fastify';
import { requireStaff, requireTenantRole } from '../../platform/auth/policies.js';

/** Routes below /:tenant/staff; register through `tenantStaffScoped`, which checks the role first. */
export const tenantStaffRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const staff = requireStaff(request);
    const membership = requireTenantRole(request);
    const tenant = request.tenant!;
    return reply.view('modules/staff/views/tenant-start', {
      title: request.t('staff.tenant.title'),
      user: { name: staff.displayName, email: staff.email, roleLabel: request.t(`auth.role.${membership.role}`) },
      tenant: {
        slug: tenant.slug,
        name: tenant.officialName,
        district: tenant.district,
        ags: tenant.ags,
        phone: tenant.phone,
        addressLines: [tenant.address.street, `${tenant.address.postalCode} ${tenant.address.town}`],
      },
      hasOtherTenants: staff.memberships.length > 1,
    });
  });
};
