/**
 * "Meine Aufgaben", `/{tenant}/staff/aufgaben`: the open cases assigned to the signed-in staff
 * member, overdue first (earliest deadline first; cases without a deadline last). It is the
 * inbox's query with fixed filters, so it pages by keyset and uses the assignee index too.
 */
import type { FastifyPluginAsync } from 'fastify';
import { pick } from '../../platform/i18n/i18n.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { tasksPath } from './backoffice-paths.js';
import { DEFAULT_FILTERS, parseInboxQuery, type InboxFilters, type InboxRequest } from './inbox-filters.js';
import { loadCaseList, pagerLinks } from './inbox-routes.js';
import { flashNotice, navLinks, staffContext } from './page-context.js';

const MY_TASKS: InboxFilters = { ...DEFAULT_FILTERS, state: { kind: 'open' }, assignee: { kind: 'me' }, sort: 'frist' };

/** Registers the "my tasks" page. */
export const tasksRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  app.get('/aufgaben', async (request, reply) => {
    const ctx = staffContext(request);
    const query = request.query as Record<string, unknown>;
    // Only the page parameters apply here; the filters are fixed.
    const { request: parsed, errors } = parseInboxQuery({ sortierung: MY_TASKS.sort, nach: query.nach, vor: query.vor });
    const tasks: InboxRequest = { ...MY_TASKS, ...(parsed.page ? { page: parsed.page } : {}) };
    const problems = errors.map((e) => pick(e.message, ctx.locale));
    const list = await loadCaseList(deps, ctx, tasks, false);
    const overdue = list.rows.filter((r) => r.overdue).length;
    return reply.view('modules/backoffice/views/tasks', {
      title: request.t('backoffice.tasks.title'),
      navLinks: navLinks(ctx, 'tasks'),
      notice: flashNotice(request),
      problems,
      rows: list.rows,
      overdue,
      pager: pagerLinks(tasksPath(ctx.tenantSlug), MY_TASKS, list.page),
    });
  });
};
