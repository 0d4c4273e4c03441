/**
 * Security headers on every response (BSI APP.3.1.A21, ASVS 3.4): a strict CSP without inline
 * script or style, framing refused unless a route allows named origins, HSTS in production,
 * nosniff, a strict referrer policy, and no caching of pages that may hold personal data.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Registers helmet with the platform's policy. `mapTileSource` is the one origin of the maps'
 * background tiles (MAP_TILE_URL); without it images come from this origin only.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { production: boolean; mapTileSource?: string | undefined }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', ...(opts.mapTileSource ? [opts.mapTileSource] : [])],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        ...(opts.production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    hsts: opts.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

/**
 * Allows this response to be framed by exactly the given origins (tenant embedding);
 * replaces the default `frame-ancestors 'none'` and drops X-Frame-Options, which cannot list origins.
 */
export function allowFraming(reply: FastifyReply, origins: string[]): void {
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  const value = origins.length > 0 ? origins.join(' ') : "'none'";
  reply.header('content-security-policy', csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${value}`));
  if (origins.length > 0) reply.removeHeader('x-frame-options');
}
