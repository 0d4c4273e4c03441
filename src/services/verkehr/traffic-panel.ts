/**
 * The traffic-order panel of the back office case page: the GREEN/YELLOW/RED classification of
 * the latest rule evaluation, the latest set-up day of the signs, and a link to every order the
 * case conflicts with (found by the reference its conflict finding names) with a map of both.
 * Other services' cases get an empty panel, as the panel list has no way to leave one out.
 */
import { classifyFindings, countBySeverity } from '../../definitions/rules/finding.js';
import { caseUrl } from '../../modules/backoffice/backoffice-paths.js';
import type { CasePanelContext, CasePanelItem, CasePanelProvider } from '../../modules/backoffice/case-panels.js';
import { findLatestEvaluation } from '../../modules/cases/case-facts.js';
import { loadTenantCalendar } from '../../platform/calendar/tenant-calendar.js';
import { pick } from '../../platform/i18n/i18n.js';
import type { MapView } from '../../platform/maps/map-view.js';
import { listCaseConsultations, isExpired } from './consultation/consultation-commands.js';
import { consultationFormPath } from './consultation/staff-consultation-routes.js';
import { conflictMapView, type MappedCase } from './conflict-map.js';
import { germanDate, longDate } from './date-text.js';
import { latestSetupDate } from './lead-times.js';
import { readTrafficApplication } from './traffic-application.js';
import { loadTrafficSettings, TRAFFIC_SERVICE_ID } from './traffic-settings.js';

const TONES = { GREEN: 'success', YELLOW: 'warning', RED: 'danger' } as const;

/** The cases a conflict finding names (this municipality's only), as links, and the map of them beside this case. */
async function conflicts(ctx: CasePanelContext, self: MappedCase, messages: readonly string[]): Promise<{ items: CasePanelItem[]; map?: MapView | undefined }> {
  const references = [...new Set(messages.flatMap((m) => m.match(/[A-Z0-9]{2,8}-VRA-\d{4}-\d+/g) ?? []))];
  if (references.length === 0) return { items: [] };
  const others = await ctx.trx.selectFrom('cases').select(['id', 'reference', 'data']).where('tenant_id', '=', ctx.tenantId).where('reference', 'in', references).execute();
  const items = others.map((o) => ({
    title: ctx.t('verkehr.panel.conflict', { reference: o.reference }),
    status: { label: o.reference, tone: 'danger' as const },
    link: { label: ctx.t('verkehr.panel.openCase', { reference: o.reference }), href: caseUrl(ctx.tenantSlug, o.id) },
  }));
  return { items, map: conflictMapView(ctx.locale, ctx.t, self, others.map((o) => ({ reference: o.reference, data: o.data }))) };
}

/** The consultations of the case with their answers, and the link to start one while the case is open. */
async function consultationItems(ctx: CasePanelContext, open: boolean): Promise<CasePanelItem[]> {
  const now = new Date();
  const items: CasePanelItem[] = (await listCaseConsultations(ctx.trx, ctx.tenantId, ctx.caseId)).map((c) => {
    const due = germanDate(c.dueDate);
    const expired = c.status === 'open' && isExpired(c, now);
    const label = expired ? ctx.t('verkehr.consult.status.expired', { due }) : ctx.t(`verkehr.consult.status.${c.status}`, { due });
    return { title: c.partyName, status: { label, tone: CONSULTATION_TONES[expired ? 'expired' : c.status] }, ...(c.answerText ? { details: [c.answerText] } : {}) };
  });
  if (open) items.push({ title: ctx.t('verkehr.consult.title'), link: { label: ctx.t('verkehr.consult.start'), href: consultationFormPath(ctx.tenantSlug, ctx.caseId) } });
  return items;
}

const CONSULTATION_TONES = { open: 'info', expired: 'warning', agreed: 'success', 'agreed-with-conditions': 'warning', objected: 'danger', withdrawn: 'info' } as const;

/** The provider (id `traffic`). */
export function trafficCasePanel(): CasePanelProvider {
  return {
    id: 'traffic',
    async load(ctx) {
      const title = ctx.t('verkehr.panel.title');
      const row = await ctx.trx.selectFrom('cases').select(['id', 'reference', 'service_id', 'data', 'closed_at']).where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.caseId).executeTakeFirst();
      if (!row || row.service_id !== TRAFFIC_SERVICE_ID) return null;
      const items: CasePanelItem[] = [];
      let map: MapView | undefined;
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
        const found = await conflicts(ctx, { reference: row.reference, data: row.data }, evaluation.findings.filter((f) => f.code.startsWith('verkehr.conflict')).map((f) => pick(f.message, 'de')));
        items.push(...found.items);
        map = found.map;
      }
      items.push(...(await consultationItems(ctx, row.closed_at === null)));
      const app = readTrafficApplication(row.data);
      if (app?.includesNoParking && app.period) {
        const setup = latestSetupDate(app.period.from, await loadTrafficSettings(ctx.trx, ctx.tenantId), await loadTenantCalendar(ctx.trx, ctx.tenantId));
        items.push({ title: ctx.t('verkehr.panel.setup', { date: pick(longDate(setup), ctx.locale) }) });
      }
      return { title, items, map };
    },
  };
}
