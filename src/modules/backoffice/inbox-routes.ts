/**
 * The inbox, `/{tenant}/staff/vorgaenge`: filters, search, sort, keyset pages, counts of open
 * cases per state, "assign to me" per row and bulk assignment of the ticked cases (one POST).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import { isUuid } from '../cases/case-engine.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { inboxPath } from './backoffice-paths.js';
import { findStaffNames, findTenantStaff, loadCaseLabels, type CaseLabels, type StaffMember } from './case-labels.js';
import { assignCases, resolveAssignee } from './case-commands.js';
import { encodeCursor } from './inbox-cursor.js';
import { DUE_FILTERS, INBOX_SORTS, SEVERITY_FILTERS, filterParams, inboxUrl, parseInboxQuery, returnToInbox, type InboxFilters, type InboxRequest } from './inbox-filters.js';
import { countOpenByState, findInboxPage, type InboxPage } from './inbox-queries.js';
import { flashNotice, formField, formList, navLinks, staffContext, type StaffRequestContext } from './page-context.js';
import { caseListRows } from './presentation.js';

/** Most cases one bulk assignment may change (a page holds fewer). */
export const MAX_BULK = 200;

/** Loads one listing page with what it needs to show names (shared with "my tasks"). */
export async function loadCaseList(deps: BackOfficeDeps, ctx: StaffRequestContext, request: InboxRequest, withCounts: boolean) {
  const viewer = { tenantId: ctx.tenantId, staffId: ctx.staffId, now: deps.clock.now() };
  const loaded = await deps.db.withTenant(ctx.tenantId, async (trx) => {
    const page = await findInboxPage(trx, request, viewer, deps.pageSize);
    const counts = withCounts ? await countOpenByState(trx, request, viewer) : new Map<string, number>();
    const labels = await loadCaseLabels(trx, deps.engine.services, ctx.locale);
    const members = await findTenantStaff(trx, ctx.tenantId);
    const missing = page.rows.map((r) => r.assigneeId).filter((id): id is string => id !== null && !members.some((m) => m.id === id));
    const staffNames = new Map([...members.map((m) => [m.id, m.name] as const), ...(await findStaffNames(trx, missing))]);
    return { page, counts, labels, members, staffNames };
  });
  const rows = caseListRows(loaded.page.rows, { tenantSlug: ctx.tenantSlug, staffId: ctx.staffId, now: viewer.now, labels: loaded.labels, staffNames: loaded.staffNames, t: ctx.t });
  return { ...loaded, rows };
}

/** Links to the previous and next page, keeping the filters. */
export function pagerLinks(base: string, filters: InboxFilters, page: InboxPage) {
  return {
    ...(page.previous ? { previous: inboxUrl(base, filters, { direction: 'before', token: encodeCursor(page.previous) }) } : {}),
    ...(page.next ? { next: inboxUrl(base, filters, { direction: 'after', token: encodeCursor(page.next) }) } : {}),
    first: inboxUrl(base, filters),
  };
}

function stateTabs(base: string, filters: InboxFilters, counts: Map<string, number>, labels: CaseLabels, t: StaffRequestContext['t']) {
  const link = (stand: InboxFilters['state']) => inboxUrl(base, { ...filters, state: stand });
  const isCurrent = (kind: string, state?: string) => filters.state.kind === kind && (state === undefined || (filters.state.kind === 'state' && filters.state.state === state));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [
    { label: t('backoffice.inbox.tabOpen'), count: total, href: link({ kind: 'open' }), current: isCurrent('open') },
    ...[...counts.entries()]
      .sort((a, b) => labels.anyStateName(a[0]).localeCompare(labels.anyStateName(b[0]), labels.locale))
      .map(([state, n]) => ({ label: labels.anyStateName(state), count: n, href: link({ kind: 'state', state }), current: isCurrent('state', state) })),
    { label: t('backoffice.inbox.tabClosed'), href: link({ kind: 'closed' }), current: isCurrent('closed') },
    { label: t('backoffice.inbox.tabAll'), href: link({ kind: 'all' }), current: isCurrent('all') },
  ];
}

function filterOptions(filters: InboxFilters, labels: CaseLabels, members: StaffMember[], t: StaffRequestContext['t']) {
  const stand = filters.state.kind === 'open' ? 'offen' : filters.state.kind === 'closed' ? 'abgeschlossen' : filters.state.kind === 'all' ? 'alle' : filters.state.state;
  const zustaendig = filters.assignee.kind === 'any' ? 'alle' : filters.assignee.kind === 'me' ? 'ich' : filters.assignee.kind === 'none' ? 'niemand' : filters.assignee.userId;
  return {
    selected: { leistung: filters.service ?? '', stand, zustaendig, frist: filters.due, hinweise: filters.severity, sortierung: filters.sort, suche: filters.q },
    services: [{ value: '', label: t('backoffice.filter.allServices') }, ...labels.services.map((s) => ({ value: s.id, label: s.name }))],
    states: [
      { value: 'offen', label: t('backoffice.inbox.tabOpen') },
      { value: 'abgeschlossen', label: t('backoffice.inbox.tabClosed') },
      { value: 'alle', label: t('backoffice.inbox.tabAll') },
      ...labels.states.map((s) => ({ value: s.id, label: s.name })),
    ],
    assignees: [
      { value: 'alle', label: t('backoffice.filter.anyone') },
      { value: 'ich', label: t('backoffice.filter.me') },
      { value: 'niemand', label: t('backoffice.filter.nobody') },
      ...members.map((m) => ({ value: m.id, label: m.name })),
    ],
    due: DUE_FILTERS.map((v) => ({ value: v, label: t(`backoffice.filter.due.${v}`) })),
    severities: SEVERITY_FILTERS.map((v) => ({ value: v, label: t(`backoffice.filter.severity.${v}`) })),
    sorts: INBOX_SORTS.map((v) => ({ value: v, label: t(`backoffice.filter.sort.${v}`) })),
  };
}

function queryString(request: FastifyRequest): string {
  const i = request.url.indexOf('?');
  return i >= 0 ? request.url.slice(i) : '';
}

/** Registers the inbox routes. */
export const inboxRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  app.get('/vorgaenge', async (request, reply) => {
    const ctx = staffContext(request);
    const { request: inbox, errors } = parseInboxQuery(request.query as Record<string, unknown>);
    const base = inboxPath(ctx.tenantSlug);
    const list = await loadCaseList(deps, ctx, inbox, true);
    const hasFilters = Object.keys(filterParams(inbox)).length > 0;
    return reply.view('modules/backoffice/views/inbox', {
      title: request.t('backoffice.inbox.title'),
      navLinks: navLinks(ctx, 'inbox'),
      notice: flashNotice(request),
      problems: errors.map((e) => pick(e.message, ctx.locale)),
      base,
      tabs: stateTabs(base, inbox, list.counts, list.labels, ctx.t),
      filters: filterOptions(inbox, list.labels, list.members, ctx.t),
      hasFilters,
      rows: list.rows,
      pager: pagerLinks(base, inbox, list.page),
      back: queryString(request),
      bulkTargets: [{ value: 'ich', label: ctx.t('backoffice.filter.me') }, { value: 'niemand', label: ctx.t('backoffice.assign.nobody') }, ...list.members.map((m) => ({ value: m.id, label: m.name }))],
    });
  });

  app.post('/vorgaenge/zuweisen', async (request, reply) => {
    const ctx = staffContext(request);
    const back = formField(request.body, 'back');
    const ids = [...new Set(formList(request.body, 'caseId').map((id) => id.toLowerCase()))];
    if (ids.length === 0) return reply.redirect(returnToInbox(ctx.tenantSlug, back, 'keine-auswahl'), 303);
    if (ids.length > MAX_BULK || !ids.every(isUuid)) {
      throw new AppError('validation.failed', [
        { path: 'caseId', message: { de: `Bitte wählen Sie höchstens ${MAX_BULK} Vorgänge aus der Liste aus.`, en: `Please choose at most ${MAX_BULK} cases from the list.` } },
      ]);
    }
    const assignee = await resolveAssignee(deps, ctx, formField(request.body, 'bulkAssignee'), 'bulkAssignee');
    await deps.db.withTenant(ctx.tenantId, async (trx) => {
      const found = await trx.selectFrom('cases').select('id').where('tenant_id', '=', ctx.tenantId).where('id', 'in', ids).execute();
      // All or nothing: an id that is not this municipality's case is refused like a missing page.
      if (found.length !== ids.length) throw new AppError('case.not_found');
      await assignCases(trx, { tenantId: ctx.tenantId, caseIds: ids, assigneeId: assignee, actorId: ctx.staffId, now: deps.clock.now() });
    });
    return reply.redirect(returnToInbox(ctx.tenantSlug, back, assignee === null ? 'freigegeben' : 'zugewiesen'), 303);
  });
};
