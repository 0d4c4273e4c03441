/**
 * The JSON API under `/api/v1/{tenant}/…` and its OpenAPI document at `/api/docs`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { publicBaseUrlOf } from '../../config/settings.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { apiRoutes } from './api-routes.js';
import { openApiDocument } from './openapi.js';

/** Registers the API and its description. */
export async function apiModule(app: FastifyInstance, services: AppServices): Promise<void> {
  const document = openApiDocument(publicBaseUrlOf(services.settings));
  app.get('/api/docs', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(document));
  await app.register(tenantScoped(apiRoutes, services.tenants, services), { prefix: '/api/v1' });
}
