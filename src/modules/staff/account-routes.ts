/**
 * The signed-in staff member's own pages: the start page after login (which leads on to the one
 * municipality, lists several, or shows the operator's overview) and the password change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyCurrentPassword } from '../../platform/auth/authenticate.js';
import { requireStaff, requireStaffSession } from '../../platform/auth/policies.js';
import type { StaffPrincipal } from '../../platform/auth/principal.js';
import { setSessionCookie } from '../../platform/auth/session-plugin.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import type { StaffDeps } from './login-routes.js';
import { changePassword } from './staff-commands.js';
import { formPageModel, readPasswordChangeForm, throttledProblem, type FieldProblem } from './staff-forms.js';

function membershipViews(staff: StaffPrincipal, t: Translate) {
  return staff.memberships.map((m) => ({ slug: m.tenantSlug, name: m.tenantName, roleLabel: t(`auth.role.${m.role}`) }));
}

function renderPasswordForm(request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[], changed = false) {
  return reply.view('modules/staff/views/password', { ...formPageModel(request.t('staff.password.title'), problems, request.t), changed });
}

/** Registers GET /staff and GET/POST /staff/password (session required). */
export async function accountRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const { db, clock, settings } = deps;
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireStaffSession);

    scope.get('/staff', async (request, reply) => {
      const staff = requireStaff(request);
      const only = staff.memberships.length === 1 ? staff.memberships[0] : undefined;
      if (only && !staff.isOperator) return reply.redirect(`/${only.tenantSlug}/staff`, 303);
      const memberships = membershipViews(staff, request.t);
      if (staff.isOperator) {
        const tenants = await deps.tenants.listActive();
        return reply.view('modules/staff/views/operator-start', {
          title: request.t('staff.operator.title'),
          name: staff.displayName,
          memberships,
          tenants: tenants.map((t) => ({ slug: t.slug, name: t.officialName, ags: t.ags, district: t.district })),
        });
      }
      return reply.view('modules/staff/views/start', { title: request.t('staff.start.title'), name: staff.displayName, memberships });
    });

    scope.get('/staff/password', async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      return renderPasswordForm(request, reply, [], query.changed === '1');
    });

    scope.post('/staff/password', async (request, reply) => {
      const staff = requireStaff(request);
      const { input, problems } = readPasswordChangeForm(request.body);
      if (problems.length > 0) return renderPasswordForm(request, reply.status(400), problems);

      const check = await verifyCurrentPassword(db, settings, {
        userId: staff.userId,
        email: staff.email,
        password: input.currentPassword,
        ip: request.ip,
        now: clock.now(),
      });
      if (check.outcome === 'throttled') {
        reply.status(429).header('retry-after', String(check.retryAfterSeconds));
        return renderPasswordForm(request, reply, [throttledProblem('currentPassword', check.retryAfterSeconds)]);
      }
      if (check.outcome === 'wrong') {
        request.log.warn({ event: 'staff.password_change_failed', userId: staff.userId }, 'wrong current password');
        return renderPasswordForm(request, reply.status(400), [{ field: 'currentPassword', messageKey: 'staff.password.error.currentWrong' }]);
      }

      const token = await changePassword(db, staff.userId, input.newPassword, clock.now(), settings);
      setSessionCookie(reply, token, settings);
      request.log.info({ event: 'staff.password_changed', userId: staff.userId }, 'staff password changed');
      return reply.redirect('/staff/password?changed=1', 303);
    });
  });
}
