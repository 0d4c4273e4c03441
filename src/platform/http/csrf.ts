/**
 * CSRF protection for every state-changing request (ASVS 3.5): a browser-origin check
 * (Sec-Fetch-Site / Origin) plus a synchronizer token. The token is an HMAC of what the request
 * is bound to — the staff session, or an anonymous browser cookie — so no token table is needed
 * and a token from one session is worthless in another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Derives the token for a binding (e.g. `session:<hash>` or `anon:<cookie>`). */
export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

/** Constant-time comparison of a submitted token with the expected one. */
export function csrfTokenMatches(secret: string, binding: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length === 0 || submitted.length > 200) return false;
  const expected = Buffer.from(csrfTokenFor(secret, binding));
  const got = Buffer.from(submitted);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method);
}

/**
 * True when the browser says the request comes from another site. Browsers send
 * Sec-Fetch-Site on every request; older ones at least send Origin on cross-site POSTs.
 */
export function isCrossSiteRequest(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The token a request submitted: form field `_csrf` or header `x-csrf-token`. */
export function submittedCsrfToken(request: FastifyRequest): unknown {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' ? body._csrf : undefined;
}
