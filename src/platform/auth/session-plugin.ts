/**
 * Resolves the staff session cookie on every request into `request.staff` and binds CSRF tokens
 * to the session (`session:<token hash>`), so a token taken from one session is worthless in
 * another and changes when the session is rotated.
 *
 * The cookie is HttpOnly and SameSite=Lax; in production it is `__Host-rc_session` (the
 * browser then insists on Secure, Path=/ and no Domain, so no subdomain can plant or read it).
 * It carries no Max-Age: the server alone decides when a session ends.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../../app.js';
import type { Settings } from '../../config/settings.js';
import type { Database } from '../db/database.js';
import { findActiveSession } from './sessions.js';
import { findStaffPrincipal } from './staff-users.js';

export type SessionSettings = Pick<Settings, 'runtime' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

export interface SessionPluginOptions {
  db: Database;
  clock: Clock;
  settings: SessionSettings;
}

/** Name of the session cookie: with the `__Host-` prefix where cookies are Secure. */
export function sessionCookieName(settings: Pick<Settings, 'runtime'>): string {
  return settings.runtime === 'production' ? '__Host-rc_session' : 'rc_session';
}

function cookieOptions(settings: Pick<Settings, 'runtime'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: settings.runtime === 'production' };
}

/** The session token the browser sent, if any. */
export function sessionTokenOf(request: FastifyRequest, settings: Pick<Settings, 'runtime'>): string | undefined {
  return request.cookies[sessionCookieName(settings)];
}

/** Hands a new session token to the browser. */
export function setSessionCookie(reply: FastifyReply, token: string, settings: Pick<Settings, 'runtime'>): void {
  reply.setCookie(sessionCookieName(settings), token, cookieOptions(settings));
}

/** Tells the browser to forget its session cookie. */
export function clearSessionCookie(reply: FastifyReply, settings: Pick<Settings, 'runtime'>): void {
  reply.clearCookie(sessionCookieName(settings), cookieOptions(settings));
}

async function staffSessions(app: FastifyInstance, opts: SessionPluginOptions): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    // Stylesheets and fonts need no session; skipping them saves a lookup per asset.
    if (request.url.startsWith('/assets/')) return;
    const token = sessionTokenOf(request, opts.settings);
    if (!token) return;
    const session = await findActiveSession(opts.db, token, opts.clock.now(), opts.settings);
    const principal = session ? await findStaffPrincipal(opts.db, session.userId, session.id) : null;
    if (!session || !principal) {
      clearSessionCookie(reply, opts.settings);
      return;
    }
    request.staff = principal;
    request.csrfBinding = `session:${session.id}`;
  });
}

/** The plugin that resolves staff sessions; register after the request context. */
export const staffSessionPlugin = fp(staffSessions, { name: 'staff-session', dependencies: ['request-context', '@fastify/cookie'] });
