/**
 * Authorization policies for staff routes (ASVS 4.1, 4.2).
 *
 * - A staff member may act in a municipality only with a role there (`caseworker` or
 *   `tenant-admin`). Without one the answer is 404 (`auth.forbidden`), exactly as for a page that
 *   does not exist, so a Wurzen caseworker cannot even learn which Bennewitz pages exist.
 * - The platform `operator` runs the platform (tenants, accounts, operations) and gets NO access
 *   to a municipality's data by being operator: case files are the municipality's, and an
 *   operator who must work in one needs a membership granted like anyone else. This keeps
 *   "who can read a citizen's application" answerable from the membership table alone.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import type { Membership, StaffPrincipal } from './principal.js';
import { safeNextPath } from './safe-redirect.js';

/** The signed-in staff member; 401 `auth.required` without a session. */
export function requireStaff(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError('auth.required');
  return request.staff;
}

/**
 * The caller's membership in `request.tenant`, optionally limited to `roles`; 404 when the caller
 * has no (fitting) role there. Operators are treated like anyone else (see above).
 */
export function requireTenantRole(request: FastifyRequest, roles?: readonly StaffRole[]): Membership {
  const staff = requireStaff(request);
  const tenant = request.tenant;
  const membership = tenant ? staff.memberships.find((m) => m.tenantId === tenant.id) : undefined;
  if (!membership || (roles && !roles.includes(membership.role))) throw new AppError('auth.forbidden');
  return membership;
}

/** The operator (platform operations); 404 for everyone else. */
export function requireOperator(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (!staff.isOperator) throw new AppError('auth.forbidden');
  return staff;
}

/** The login page URL that leads back to this request's page afterwards. */
export function loginUrlFor(request: FastifyRequest): string {
  const next = request.method === 'GET' ? safeNextPath(request.url) : null;
  return next && next !== '/staff' ? `/staff/login?next=${encodeURIComponent(next)}` : '/staff/login';
}

/**
 * onRequest hook for staff pages: a browser without a session is sent to the login page (and
 * back here afterwards); other methods get 401.
 */
export async function requireStaffSession(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.staff) return undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new AppError('auth.required');
  return reply.redirect(loginUrlFor(request), 303);
}
