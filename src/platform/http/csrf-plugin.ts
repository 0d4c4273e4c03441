/**
 * Enforces CSRF protection on every POST/PUT/PATCH/DELETE unless a route declares
 * `config: { csrf: false }` (only for endpoints that use no cookies, e.g. token-authenticated API
 * calls). Runs after body parsing so the `_csrf` form field is available.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';
import { csrfTokenMatches, isCrossSiteRequest, isUnsafeMethod, submittedCsrfToken } from './csrf.js';
import { anonymousBinding } from './request-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false: this route uses no cookie authentication and needs no CSRF token.
     * 'multipart-in-handler': form posts are checked here, multipart posts by the handler
     * (readUploadForm with `csrfSecret`), since their `_csrf` field is only read there.
     */
    csrf?: boolean | 'multipart-in-handler';
  }
}

async function csrfProtection(app: FastifyInstance, opts: { secret: string }): Promise<void> {
  app.addHook('preValidation', async (request) => {
    if (!isUnsafeMethod(request.method)) return;
    const mode = request.routeOptions.config?.csrf;
    if (mode === false) return;
    if (mode === 'multipart-in-handler' && request.isMultipart()) return;
    if (isCrossSiteRequest(request)) throw new AppError('csrf.invalid');
    const binding = request.csrfBinding ?? anonymousBinding(request);
    if (!binding || !csrfTokenMatches(opts.secret, binding, submittedCsrfToken(request))) {
      request.log.warn({ route: request.routeOptions.url }, 'csrf check failed');
      throw new AppError('csrf.invalid');
    }
  });
}

export const csrfPlugin = fp(csrfProtection, { name: 'csrf', dependencies: ['request-context'] });
