/**
 * The per-tenant dashboard `/{tenant}/staff/auswertung` and its CSV export
 * `/{tenant}/staff/auswertung.csv`, both over the last N weeks (`?wochen=4|12|26|52`).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { pick } from '../../platform/i18n/i18n.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { dashboardPath, inboxPath } from './backoffice-paths.js';
import { exportCases } from './case-export.js';
import { findStaffNames, findTenantStaff, loadCaseLabels } from './case-labels.js';
import { dashboardWeeks, loadDashboardFigures } from './dashboard-queries.js';
import { dashboardView } from './dashboard-view.js';
import { DEFAULT_FILTERS, inboxUrl, type InboxFilters } from './inbox-filters.js';
import { findInboxPage } from './inbox-queries.js';
import { navLinks, staffContext } from './page-context.js';
import { caseListRows } from './presentation.js';

export const WEEK_CHOICES = [4, 12, 26, 52] as const;
const DEFAULT_WEEKS = 12;
const OVERDUE_LIST = 10;
const OVERDUE_FILTERS: InboxFilters = { ...DEFAULT_FILTERS, due: 'ueberfaellig', sort: 'frist' };

/** The period in weeks the request asks for, and a message when the value was not one of the choices. */
function readWeeks(request: FastifyRequest): { weeks: number; problem?: string } {
  const raw = (request.query as Record<string, unknown>).wochen;
  if (raw === undefined || raw === '') return { weeks: DEFAULT_WEEKS };
  const weeks = Number(raw);
  if ((WEEK_CHOICES as readonly number[]).includes(weeks)) return { weeks };
  const message = {
    de: `Der Zeitraum „Wochen“ muss einer der Werte ${WEEK_CHOICES.join(', ')} sein; es werden ${DEFAULT_WEEKS} Wochen gezeigt.`,
    en: `The period “weeks” must be one of ${WEEK_CHOICES.join(', ')}; ${DEFAULT_WEEKS} weeks are shown.`,
  };
  return { weeks: DEFAULT_WEEKS, problem: pick(message, request.locale) };
}

/** Registers the dashboard and the CSV export. */
export const dashboardRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  app.get('/auswertung', async (request, reply) => {
    const ctx = staffContext(request);
    const { weeks, problem } = readWeeks(request);
    const now = deps.clock.now();
    const loaded = await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const figures = await loadDashboardFigures(trx, ctx.tenantId, now, weeks);
      const overdue = await findInboxPage(trx, OVERDUE_FILTERS, { tenantId: ctx.tenantId, staffId: ctx.staffId, now }, OVERDUE_LIST);
      const labels = await loadCaseLabels(trx, deps.engine.services, ctx.locale);
      const staffNames = await findStaffNames(trx, overdue.rows.map((r) => r.assigneeId).filter((id): id is string => id !== null));
      return { figures, overdue, labels, staffNames };
    });
    const view = dashboardView(loaded.figures, loaded.labels, ctx.t);
    return reply.view('modules/backoffice/views/dashboard', {
      title: request.t('backoffice.dashboard.title'),
      navLinks: navLinks(ctx, 'dashboard'),
      problems: problem ? [problem] : [],
      base: dashboardPath(ctx.tenantSlug),
      weeks,
      weekChoices: WEEK_CHOICES.map((w) => ({ value: String(w), label: request.t('backoffice.dashboard.weeks', { weeks: w }) })),
      view,
      overdueRows: caseListRows(loaded.overdue.rows, { tenantSlug: ctx.tenantSlug, staffId: ctx.staffId, now, labels: loaded.labels, staffNames: loaded.staffNames, t: ctx.t }),
      overdueUrl: inboxUrl(inboxPath(ctx.tenantSlug), OVERDUE_FILTERS),
      csvUrl: `${dashboardPath(ctx.tenantSlug)}.csv?wochen=${weeks}`,
    });
  });

  app.get('/auswertung.csv', async (request, reply) => {
    const ctx = staffContext(request);
    const { weeks } = readWeeks(request);
    const now = deps.clock.now();
    const { from, labels, staffNames } = await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const { from: start } = await dashboardWeeks(trx, now, weeks);
      const members = await findTenantStaff(trx, ctx.tenantId);
      return { from: start, labels: await loadCaseLabels(trx, deps.engine.services, ctx.locale), staffNames: new Map(members.map((m) => [m.id, m.name])) };
    });
    const day = now.toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="vorgaenge-${ctx.tenantSlug}-${day}.csv"`)
      .header('x-content-type-options', 'nosniff')
      .send(exportCases(deps.db, { tenantId: ctx.tenantId, from, to: now, locale: ctx.locale, t: ctx.t, labels, staffNames }));
  });
};
