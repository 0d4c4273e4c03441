/**
 * The "Nachforderungen" panel of the back office case page (a provider for its generic panel list,
 * id `requests`): the "answer arrived" marker with its acknowledge button, every request with its
 * status, deadline, message and answer, one item per answer file with its download (the back
 * office's attachment route), a withdraw button for open requests, and the link to the form for
 * a new request. It reads with the page's own transaction.
 */
import { berlinDateOf } from '../../platform/calendar/calendar-date.js';
import { formatDate, formatDateTime, type Translate } from '../../platform/i18n/i18n.js';
import { formatBytes } from '../backoffice/presentation.js';
import type { CasePanelContext, CasePanelItem, CasePanelProvider, PanelTone } from '../backoffice/case-panels.js';
import { isOverdue, listCaseRequests, type InformationRequest } from './request-queries.js';
import { acknowledgeAnswersPath, caseFilePath, requestFormPath, withdrawRequestPath } from './request-paths.js';
import { REQUESTED_STATE } from './request-workflow.js';

function statusOf(request: InformationRequest, today: string, t: Translate): { label: string; tone: PanelTone } {
  if (isOverdue(request, today)) return { label: t('requests.status.overdue'), tone: 'danger' };
  const tones: Record<InformationRequest['status'], PanelTone> = { open: 'info', answered: 'success', withdrawn: 'warning' };
  return { label: t(`requests.status.${request.status}`), tone: tones[request.status] };
}

function requestItems(request: InformationRequest, ctx: CasePanelContext, staffNames: Map<string, string>, today: string): CasePanelItem[] {
  const { t, locale } = ctx;
  const date = formatDate(request.requestedAt, locale);
  const details = [
    t('requests.panel.due', { date: formatDate(request.dueDate, locale) }),
    ...(request.requestedBy ? [t('requests.panel.requestedBy', { name: staffNames.get(request.requestedBy) ?? t('backoffice.actor.formerStaff') })] : []),
    t('requests.panel.message', { message: request.message }),
    ...(request.reminderSentAt ? [t('requests.panel.reminded', { at: formatDateTime(request.reminderSentAt, locale) })] : []),
    ...(request.answeredAt ? [t('requests.panel.answeredAt', { at: formatDateTime(request.answeredAt, locale) })] : []),
    ...(request.status === 'answered' ? [request.answerText ? t('requests.panel.answer', { text: request.answerText }) : t('requests.panel.noAnswerText')] : []),
    ...(request.status === 'answered' ? [t('requests.panel.fileCount', { count: request.files.length })] : []),
    ...(request.withdrawnAt ? [t('requests.panel.withdrawnAt', { at: formatDateTime(request.withdrawnAt, locale) })] : []),
  ];
  const item: CasePanelItem = {
    title: t('requests.panel.item', { date }),
    status: statusOf(request, today, t),
    details,
    ...(request.status === 'open' ? { action: { label: t('requests.panel.withdraw'), url: withdrawRequestPath(ctx.tenantSlug, ctx.caseId, request.id) } } : {}),
  };
  const files = request.files.map((f) => ({
    title: t('requests.panel.file', { date, name: f.name }),
    details: [t('requests.panel.fileDetails', { type: f.mediaType, size: formatBytes(f.size, locale) })],
    link: { label: t('requests.panel.download', { name: f.name }), href: caseFilePath(ctx.tenantSlug, ctx.caseId, f.id) },
  }));
  return [item, ...files];
}

/** A provider for the case page's panel list (id `requests`). */
export function requestsCasePanel(clock: { now(): Date }): CasePanelProvider {
  return {
    id: 'requests',
    async load(ctx) {
      const { t, locale } = ctx;
      const requests = await listCaseRequests(ctx.trx, ctx.tenantId, ctx.caseId);
      const marker = await ctx.trx.selectFrom('cases').select(['information_answered_at', 'closed_at', 'state']).where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.caseId).executeTakeFirst();
      const staffIds = [...new Set(requests.map((r) => r.requestedBy).filter((id): id is string => id !== null))];
      const staff = staffIds.length > 0 ? await ctx.trx.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', staffIds).execute() : [];
      const staffNames = new Map(staff.map((s) => [s.id, s.display_name]));
      const today = berlinDateOf(clock.now());
      const items: CasePanelItem[] = [];
      if (marker?.information_answered_at) {
        items.push({
          title: t('requests.panel.newAnswer'),
          status: { label: t('requests.inbox.answered'), tone: 'success' },
          details: [t('requests.panel.newAnswerAt', { at: formatDateTime(marker.information_answered_at, locale) })],
          action: { label: t('requests.panel.acknowledge'), url: acknowledgeAnswersPath(ctx.tenantSlug, ctx.caseId) },
        });
      }
      // Reached by the workflow's own step button, the state waits for an answer nobody was asked for on the status page.
      if (marker?.state === REQUESTED_STATE && !requests.some((r) => r.status === 'open')) {
        items.push({ title: t('requests.panel.waitingWithoutRequest'), status: { label: t('requests.panel.attention'), tone: 'warning' }, details: [t('requests.panel.waitingWithoutRequestDetails')] });
      }
      for (const request of requests) items.push(...requestItems(request, ctx, staffNames, today));
      if (marker && !marker.closed_at) {
        items.push({
          title: t('requests.panel.new'),
          details: [...(requests.length === 0 ? [t('requests.panel.empty')] : []), t('requests.panel.newDetails')],
          link: { label: t('requests.panel.newLink'), href: requestFormPath(ctx.tenantSlug, ctx.caseId) },
        });
      }
      return { title: t('requests.panel.title'), emptyText: t('requests.panel.empty'), items };
    },
  };
}
