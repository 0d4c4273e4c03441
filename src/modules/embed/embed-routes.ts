/**
 * Embedding in municipal websites: `/embed.js` (the snippet's script, loadable cross-origin) and
 * each municipality's theme stylesheet. Which pages may be framed, and by whom, is decided in
 * `tenantScoped(…, { framable: true })` from the tenant's registered origins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { TenantDirectory } from '../../platform/tenancy/tenant-directory.js';
import { tenantScoped } from '../../platform/tenancy/tenant-scope.js';
import { checkBrandColour } from './brand-colour.js';

const EMBED_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/js/embed.js');

const themeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/theme.css', async (request, reply) => {
    const check = checkBrandColour(request.tenant!.branding.primaryColor ?? '');
    const css = check.ok ? `:root { --rc-primary: ${check.colour}; }\n` : '/* default theme */\n';
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css);
  });
};

/** Registers `/embed.js` and `/{tenant}/theme.css`. */
export async function embedModule(app: FastifyInstance, deps: { tenants: TenantDirectory }): Promise<void> {
  const script = fs.readFileSync(EMBED_SCRIPT, 'utf8');
  app.get('/embed.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      // Loaded by municipal websites from their own origin.
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(script),
  );
  await app.register(tenantScoped(themeRoutes, deps.tenants, {}));
}
