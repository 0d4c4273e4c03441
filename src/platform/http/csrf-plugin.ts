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
    /** false: this route uses no cookie authentication and needs no CSRF token. */
    csrf?: boolean;
  }
}

async function csrfProtection(app: FastifyInstance, opts: { secret: string }): Promise<void> {
  app.addHook('preValidation', async (request) => {
    if (!isUnsafeMethod(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    if (isCrossSiteRequest(request)) throw new AppError('csrf.invalid');
    const binding = request.csrfBinding ?? anonymousBinding(request);
    if (!binding || !csrfTokenMatches(opts.secret, binding, submittedCsrfToken(request))) {
      request.log.warn({ route: request.routeOptions.url }, 'csrf check failed');
      throw new AppError('csrf.invalid');
    }
  });
}

export const csrfPlugin = fp(csrfProtection, { name: 'csrf', dependencies: ['request-context'] });
