/**
 * The traffic-order panel of the back office case page: the GREEN/YELLOW/RED classification of
 * the latest rule evaluation, the latest set-up day of the signs, and a link to every order the
 * case conflicts with (found by the reference its conflict finding names). Other services' cases
 * get an empty panel, as the panel list has no way to leave one out.
 */
import { classifyFindings, countBySeverity } from '../../definitions/rules/finding.js';
import { caseUrl } from '../../modules/backoffice/backoffice-paths.js';
import type { CasePanelContext, CasePanelItem, CasePanelProvider } from '../../modules/backoffice/case-panels.js';
import { findLatestEvaluation } from '../../modules/cases/case-facts.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import { pick } from '../../platform/i18n/i18n.js';
import { longDate } from './date-text.js';
import { latestSetupDate } from './lead-times.js';
import { readTrafficApplication } from './traffic-application.js';
import { loadTrafficSettings, TRAFFIC_SERVICE_ID } from './traffic-settings.js';

const TONES = { GREEN: 'success', YELLOW: 'warning', RED: 'danger' } as const;

async function conflictItems(ctx: CasePanelContext, messages: readonly string[]): Promise<CasePanelItem[]> {
  const references = [...new Set(messages.flatMap((m) => m.match(/[A-Z0-9]{2,8}-VRA-\d{4}-\d+/g) ?? []))];
  if (references.length === 0) return [];
  const others = await ctx.trx.selectFrom('cases').select(['id', 'reference']).where('tenant_id', '=', ctx.tenantId).where('reference', 'in', references).execute();
  return others.map((o) => ({
    title: ctx.t('verkehr.panel.conflict', { reference: o.reference }),
    status: { label: o.reference, tone: 'danger' as const },
    link: { label: ctx.t('verkehr.panel.openCase', { reference: o.reference }), href: caseUrl(ctx.tenantSlug, o.id) },
  }));
}

/** The provider (id `traffic`). */
export function trafficCasePanel(): CasePanelProvider {
  return {
    id: 'traffic',
    async load(ctx) {
      const title = ctx.t('verkehr.panel.title');
      const row = await ctx.trx.selectFrom('cases').select(['id', 'service_id', 'data']).where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.caseId).executeTakeFirst();
      if (!row || row.service_id !== TRAFFIC_SERVICE_ID) return { title, emptyText: ctx.t('verkehr.panel.notTraffic'), items: [] };
      const items: CasePanelItem[] = [];
      const evaluation = await findLatestEvaluation(ctx.trx, ctx.tenantId, row);
      if (!evaluation) {
        items.push({ title: ctx.t('verkehr.panel.classification'), status: { label: ctx.t('verkehr.panel.notEvaluated'), tone: 'info' } });
      } else {
        const cls = classifyFindings(evaluation.findings);
        const counts = countBySeverity(evaluation.findings);
        items.push({
          title: ctx.t('verkehr.panel.classification'),
          status: { label: ctx.t(`verkehr.panel.${cls}`), tone: TONES[cls] },
          details: [ctx.t('verkehr.panel.counts', counts), ...(evaluation.stale ? [ctx.t('verkehr.panel.stale')] : [])],
        });
        items.push(...(await conflictItems(ctx, evaluation.findings.filter((f) => f.code.startsWith('verkehr.conflict')).map((f) => pick(f.message, 'de')))));
      }
      const app = readTrafficApplication(row.data);
      if (app?.includesNoParking && app.period) {
        const setup = latestSetupDate(app.period.from, await loadTrafficSettings(ctx.trx, ctx.tenantId), await loadTenantCalendar(ctx.trx, ctx.tenantId));
        items.push({ title: ctx.t('verkehr.panel.setup', { date: pick(longDate(setup), ctx.locale) }) });
      }
      return { title, items };
    },
  };
}
