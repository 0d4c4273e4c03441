/**
 * The back office panel of what follows an approved traffic order (id `traffic-execution`): the
 * period in force, each set-up record (time, on time or late against the latest set-up day, the
 * number plates, a link to each photo) and each extension request (new and previous last day,
 * reason, the conflicts the extended days meet with links to those cases, the decision). The
 * decision itself is the workflow's step on the case page (`approve-extension`, one click).
 * Other procedures' cases get an empty panel, as the panel list has no way to leave one out.
 */
import { caseUrl } from '../../../modules/backoffice/backoffice-paths.js';
import type { CasePanelContext, CasePanelItem, CasePanelProvider } from '../../../modules/backoffice/case-panels.js';
import { formatDate, formatDateTime, pick } from '../../../platform/i18n/i18n.js';
import { longDate } from '../date-text.js';
import { readTrafficApplication } from '../traffic-application.js';
import { TRAFFIC_SERVICE_ID } from '../traffic-settings.js';
import { currentPeriod, listExtensions, type Extension } from './extension-queries.js';
import { listSetupRecords, type SetupRecord } from './setup-queries.js';

const EXTENSION_TONES = { requested: 'warning', approved: 'success', rejected: 'info' } as const;

function setupItems(ctx: CasePanelContext, r: SetupRecord): CasePanelItem[] {
  const verdict = r.latestSetupDate
    ? r.late
      ? { label: ctx.t('verkehr.after.panel.setupLate', { latest: formatDate(r.latestSetupDate, ctx.locale) }), tone: 'warning' as const }
      : { label: ctx.t('verkehr.after.panel.setupOnTime'), tone: 'success' as const }
    : undefined;
  const record: CasePanelItem = {
    title: ctx.t('verkehr.after.panel.setup', { setUpAt: formatDateTime(r.setUpAt, ctx.locale) }),
    details: [ctx.t('verkehr.after.panel.recordedAt', { at: formatDateTime(r.recordedAt, ctx.locale) }), r.plates.length > 0 ? ctx.t('verkehr.after.panel.plates', { plates: r.plates.join(', ') }) : ctx.t('verkehr.after.panel.noPlates')],
    ...(verdict ? { status: verdict } : {}),
  };
  const photos = r.photos.map((p, i) => ({
    title: ctx.t('verkehr.after.panel.photo', { n: i + 1, name: p.name }),
    link: { label: ctx.t('verkehr.after.panel.photo', { n: i + 1, name: p.name }), href: `${caseUrl(ctx.tenantSlug, ctx.caseId)}/dateien/${p.id}?ansicht=1` },
  }));
  return [record, ...photos];
}

function extensionItems(ctx: CasePanelContext, e: Extension): CasePanelItem[] {
  const details = [ctx.t('verkehr.after.panel.requestedAt', { at: formatDateTime(e.requestedAt, ctx.locale) })];
  if (e.reason) details.push(ctx.t('verkehr.after.panel.reason', { reason: e.reason }));
  if (e.conflicts.length === 0) details.push(ctx.t('verkehr.after.panel.noConflict'));
  if (e.decidedAt) details.push(ctx.t('verkehr.after.panel.decision', { at: formatDateTime(e.decidedAt, ctx.locale) }));
  if (e.decisionReason) details.push(e.decisionReason);
  const item: CasePanelItem = {
    title: ctx.t('verkehr.after.panel.extension', { to: formatDate(e.newTo, ctx.locale), from: formatDate(e.previousTo, ctx.locale) }),
    status: { label: ctx.t(`verkehr.after.panel.status.${e.status}`), tone: EXTENSION_TONES[e.status] },
    details,
  };
  const conflicts = e.conflicts.map((c) => ({
    title: ctx.t('verkehr.after.panel.conflict', { reference: c.reference, street: c.street, from: formatDate(c.from, ctx.locale), to: formatDate(c.to, ctx.locale) }),
    status: { label: c.reference, tone: 'danger' as const },
    link: { label: ctx.t('verkehr.panel.openCase', { reference: c.reference }), href: caseUrl(ctx.tenantSlug, c.caseId) },
  }));
  return [item, ...conflicts];
}

/** The provider (id `traffic-execution`). */
export function trafficExecutionPanel(): CasePanelProvider {
  return {
    id: 'traffic-execution',
    async load(ctx) {
      const title = ctx.t('verkehr.after.panel.title');
      const row = await ctx.trx.selectFrom('cases').select(['service_id', 'data']).where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.caseId).executeTakeFirst();
      if (!row || row.service_id !== TRAFFIC_SERVICE_ID) return null;
      const app = readTrafficApplication(row.data);
      const extensions = await listExtensions(ctx.trx, ctx.tenantId, ctx.caseId);
      const records = await listSetupRecords(ctx.trx, ctx.tenantId, ctx.caseId);
      if (records.length === 0 && extensions.length === 0) return { title, emptyText: ctx.t('verkehr.after.panel.empty'), items: [] };
      const period = app && currentPeriod(app, extensions);
      const items: CasePanelItem[] = period ? [{ title: ctx.t('verkehr.after.panel.period', { from: pick(longDate(period.from), ctx.locale), to: pick(longDate(period.to), ctx.locale) }) }] : [];
      for (const r of records) items.push(...setupItems(ctx, r));
      for (const e of extensions) items.push(...extensionItems(ctx, e));
      return { title, items };
    },
  };
}
