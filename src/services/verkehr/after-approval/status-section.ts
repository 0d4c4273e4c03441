/**
 * The traffic order's section on the applicant's status page (the package's `statusPage` hook):
 * once the order is approved, the period in force and the latest set-up day, and the three things
 * the applicant does next — upload the set-up record, report completion, ask for an extension —
 * each offered only in the states where the workflow allows it, with what was done so far (records
 * with their on-time verdict in plain words, extension requests and their decisions).
 */
import type { StatusPageContext, StatusPageSection } from '../../../modules/status/status-sections.js';
import { berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import { formatDate, formatDateTime, pick } from '../../../platform/i18n/i18n.js';
import { longDate } from '../date-text.js';
import { readTrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings } from '../traffic-settings.js';
import { currentPeriod, listExtensions, type Extension } from './extension-queries.js';
import { latestExtensionRequestDay } from './extension.js';
import { effectiveAgainstParkedFrom } from './setup-record.js';
import { listSetupRecords } from './setup-queries.js';
import { latestSetupDate } from '../lead-times.js';
import { afterApprovalPaths } from './citizen-paths.js';

/** States after the decision in which the section shows. */
const SHOWN_STATES = ['approved', 'extension-requested', 'overrun', 'completed'];

function extensionText(e: Extension, ctx: StatusPageContext): string {
  const to = formatDate(e.newTo, ctx.locale);
  if (e.status === 'approved') return ctx.t('verkehr.after.extension.approved', { to, at: formatDate(e.decidedAt ?? e.requestedAt, ctx.locale) });
  if (e.status === 'rejected') return ctx.t('verkehr.after.extension.rejected', { to, at: formatDate(e.decidedAt ?? e.requestedAt, ctx.locale), reason: e.decisionReason ?? '' });
  return ctx.t('verkehr.after.extension.requested', { to, at: formatDateTime(e.requestedAt, ctx.locale) });
}

/** The section for the case behind the link, or none before the decision and for other outcomes. */
export async function afterApprovalStatusSections(ctx: StatusPageContext): Promise<StatusPageSection[]> {
  if (!SHOWN_STATES.includes(ctx.state)) return [];
  const row = await ctx.trx.selectFrom('cases').select('data').where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.caseId).executeTakeFirstOrThrow();
  const app = readTrafficApplication(row.data);
  const extensions = await listExtensions(ctx.trx, ctx.tenantId, ctx.caseId);
  const period = app && currentPeriod(app, extensions);
  if (!app || !period) return [];
  const settings = await loadTrafficSettings(ctx.trx, ctx.tenantId);
  const calendar = await loadTenantCalendar(ctx.trx, ctx.tenantId);
  const records = await listSetupRecords(ctx.trx, ctx.tenantId, ctx.caseId);
  const paths = afterApprovalPaths(ctx.statusPath);
  const running = ctx.state !== 'completed';
  const latestRequest = latestExtensionRequestDay(period.to, settings.afterApproval.extensionLeadWorkingDays, calendar);
  const today = berlinDateOf(ctx.now);
  const setupBy = app.includesNoParking && app.period && ctx.state === 'approved' ? latestSetupDate(app.period.from, settings, calendar) : null;
  return [
    {
      view: '/services/verkehr/after-approval/views/status-section',
      data: {
        period: ctx.t(period.to === app.period?.to ? 'verkehr.after.period' : 'verkehr.after.periodExtended', { from: pick(longDate(period.from), ctx.locale), to: pick(longDate(period.to), ctx.locale) }),
        setupBy: setupBy ? ctx.t('verkehr.after.setupBy', { date: pick(longDate(setupBy), ctx.locale) }) : null,
        setup: {
          offered: ctx.state === 'approved',
          href: paths.setup,
          records: records.map((r) => {
            const recorded = ctx.t('verkehr.after.setup.recorded', { at: formatDateTime(r.recordedAt, ctx.locale), setUpAt: formatDateTime(r.setUpAt, ctx.locale), photos: r.photos.length, plates: r.plates.length });
            if (!r.latestSetupDate) return { text: recorded, verdict: null, late: false };
            const verdict = r.late
              ? ctx.t('verkehr.after.setup.late', { latest: pick(longDate(r.latestSetupDate), ctx.locale), effective: pick(longDate(effectiveAgainstParkedFrom(berlinDateOf(r.setUpAt), settings, calendar)), ctx.locale) })
              : ctx.t('verkehr.after.setup.onTime');
            return { text: recorded, verdict, late: r.late };
          }),
        },
        completion: { offered: ctx.state === 'approved' || ctx.state === 'overrun', overrun: ctx.state === 'overrun', action: paths.completion },
        extension: {
          offered: ctx.state === 'approved' && today <= latestRequest,
          href: paths.extension,
          latest: running && ctx.state === 'approved' && today <= latestRequest ? ctx.t('verkehr.after.extension.latest', { date: pick(longDate(latestRequest), ctx.locale) }) : null,
          items: extensions.map((e) => extensionText(e, ctx)),
        },
      },
    },
  ];
}
