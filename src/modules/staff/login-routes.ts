/**
 * Staff login and logout. The login answers the same for unknown and known e-mail addresses
 * (status, text and — through the throttle and the dummy hash — timing); failed attempts are
 * logged with a hash of the address only, never the address itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { authenticateStaff } from '../../platform/auth/authenticate.js';
import { accountThrottleKey } from '../../platform/auth/login-throttle.js';
import { dummyPasswordHash } from '../../platform/auth/passwords.js';
import { safeNextPath } from '../../platform/auth/safe-redirect.js';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../platform/auth/session-plugin.js';
import { signIn, signOut } from './staff-commands.js';
import { formPageModel, readLoginForm, throttledProblem, type FieldProblem } from './staff-forms.js';

export type StaffDeps = Pick<AppServices, 'db' | 'clock' | 'settings' | 'tenants'>;

interface LoginPage {
  email: string;
  next: string | null;
  problems: FieldProblem[];
  signedOut?: boolean;
}

function renderLogin(request: FastifyRequest, reply: FastifyReply, page: LoginPage) {
  return reply.view('modules/staff/views/login', {
    ...formPageModel(request.t('staff.login.title'), page.problems, request.t),
    email: page.email,
    next: page.next,
    signedOut: page.signedOut ?? false,
  });
}

/** A short, non-reversible reference to an account for the log. */
function accountRef(email: string): string {
  return accountThrottleKey(email).slice(0, 16);
}

/** Registers GET/POST /staff/login and POST /staff/logout. */
export async function loginRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const { db, clock, settings } = deps;
  // Made now, not at the first unknown address, so that first answer is not slower than others.
  await dummyPasswordHash();

  app.get('/staff/login', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const next = safeNextPath(query.next);
    if (request.staff) return reply.redirect(next ?? '/staff', 303);
    return renderLogin(request, reply, { email: '', next, problems: [], signedOut: query.signedOut === '1' });
  });

  app.post('/staff/login', async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const next = safeNextPath(body?.next);
    const { input, problems } = readLoginForm(body);
    if (problems.length > 0) return renderLogin(request, reply.status(400), { email: input.email, next, problems });

    const check = await authenticateStaff(db, settings, { email: input.email, password: input.password, ip: request.ip, now: clock.now() });
    if (check.outcome !== 'ok') {
      request.log.warn({ event: 'staff.login_failed', account: accountRef(input.email), outcome: check.outcome }, 'staff login failed');
      if (check.outcome === 'throttled') {
        reply.status(429).header('retry-after', String(check.retryAfterSeconds));
        return renderLogin(request, reply, { email: input.email, next, problems: [throttledProblem('email', check.retryAfterSeconds)] });
      }
      return renderLogin(request, reply.status(401), { email: input.email, next, problems: [{ field: 'email', messageKey: 'staff.login.error.invalid' }] });
    }

    const token = await signIn(db, check.userId, sessionTokenOf(request, settings), clock.now(), settings);
    setSessionCookie(reply, token, settings);
    request.log.info({ event: 'staff.login', userId: check.userId }, 'staff signed in');
    return reply.redirect(next ?? '/staff', 303);
  });

  // Needs no session: signing out twice, or after the session ran out, still clears the cookie.
  app.post('/staff/logout', async (request, reply) => {
    const token = sessionTokenOf(request, settings);
    if (token) await signOut(db, token);
    clearSessionCookie(reply, settings);
    if (request.staff) request.log.info({ event: 'staff.logout', userId: request.staff.userId }, 'staff signed out');
    return reply.redirect('/staff/login?signedOut=1', 303);
  });
}
