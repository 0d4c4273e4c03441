/**
 * Tenant routes live under `/{tenant-slug}/…`. This plugin resolves the slug (404 for unknown
 * or inactive municipalities) and, where a municipality has its own host name configured,
 * refuses other municipalities' paths on that host.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { allowFraming } from '../http/security-headers.js';
import type { TenantDirectory } from './tenant-directory.js';

/**
 * Registers `routes` below `/:tenant` with `request.tenant` resolved before any handler runs.
 * `framable`: citizen pages that the municipality may embed in its website; they may be framed by
 * exactly the tenant's registered origins (staff pages never are).
 */
export function tenantScoped<O extends object>(routes: FastifyPluginAsync<O>, directory: TenantDirectory, options: O, scope: { framable?: boolean } = {}) {
  return async (app: FastifyInstance) => {
    await app.register(
      async (scoped) => {
        scoped.addHook('onRequest', async (request) => {
          const slug = (request.params as { tenant?: string }).tenant ?? '';
          const tenant = await directory.findBySlug(slug);
          if (!tenant) throw new AppError('tenant.not_found');
          const hostTenant = await directory.findByHostname(request.hostname);
          if (hostTenant && hostTenant.id !== tenant.id) throw new AppError('tenant.not_found');
          request.tenant = tenant;
        });
        if (scope.framable) {
          scoped.addHook('onSend', async (request, reply) => {
            if (request.tenant) allowFraming(reply, request.tenant.embedOrigins);
          });
        }
        await scoped.register(routes, options);
      },
      { prefix: '/:tenant' },
    );
  };
}
