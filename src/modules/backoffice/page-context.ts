/**
 * What every back office handler starts with: the signed-in staff member and their tenant (the
 * scope has already checked the role), the navigation, flash notices and form reading helpers.
 */
import type { FastifyRequest } from 'fastify';
import { requireStaff, requireTenantRole } from '../../platform/auth/policies.js';
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import { dashboardPath, inboxPath, tasksPath } from './backoffice-paths.js';
import type { BadgeTone } from './presentation.js';

export interface StaffRequestContext {
  tenantId: string;
  tenantSlug: string;
  staffId: string;
  locale: Locale;
  t: Translate;
}

/** The staff member and tenant of a back office request. */
export function staffContext(request: FastifyRequest): StaffRequestContext {
  const staff = requireStaff(request);
  requireTenantRole(request);
  const tenant = request.tenant!;
  return { tenantId: tenant.id, tenantSlug: tenant.slug, staffId: staff.userId, locale: request.locale, t: request.t };
}

export type NavSection = 'inbox' | 'tasks' | 'dashboard' | 'none';

/** The back office navigation with the current section marked. */
export function navLinks(ctx: StaffRequestContext, current: NavSection): { href: string; label: string; current: boolean }[] {
  return [
    { href: inboxPath(ctx.tenantSlug), label: ctx.t('backoffice.nav.inbox'), current: current === 'inbox' },
    { href: tasksPath(ctx.tenantSlug), label: ctx.t('backoffice.nav.tasks'), current: current === 'tasks' },
    { href: dashboardPath(ctx.tenantSlug), label: ctx.t('backoffice.nav.dashboard'), current: current === 'dashboard' },
    { href: `/${ctx.tenantSlug}/staff`, label: ctx.t('backoffice.nav.start'), current: false },
  ];
}

export interface Notice {
  tone: BadgeTone;
  title: string;
  lines?: string[];
}

/** Notices a redirect may ask for with `?hinweis=…` (a fixed set: no text from the URL reaches the page). */
const FLASH: Record<string, { tone: BadgeTone; key: string }> = {
  zugewiesen: { tone: 'success', key: 'backoffice.flash.assigned' },
  freigegeben: { tone: 'success', key: 'backoffice.flash.released' },
  notiz: { tone: 'success', key: 'backoffice.flash.noteAdded' },
  schritt: { tone: 'success', key: 'backoffice.flash.stepDone' },
  'keine-auswahl': { tone: 'warning', key: 'backoffice.flash.noneSelected' },
};

/** The flash notice named by the request's `hinweis` parameter, if any. */
export function flashNotice(request: FastifyRequest): Notice | undefined {
  const key = (request.query as Record<string, unknown> | undefined)?.hinweis;
  const entry = typeof key === 'string' ? FLASH[key] : undefined;
  return entry ? { tone: entry.tone, title: request.t(entry.key) } : undefined;
}

/** A form field's string value ('' when missing or not a string; the last one when repeated). */
export function formField(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : '';
}

/** A repeated form field's string values. */
export function formList(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}
