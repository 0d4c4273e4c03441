/**
 * The caseworker's side of a consultation, below `/{tenant}/staff` (tenantStaffScoped: caseworkers
 * and tenant admins of that municipality only; another tenant's case is 404):
 *
 * - GET  /vorgaenge/:trafficCaseId/anhoerung — the form: parties (the matrix's proposal ticked), deadline
 *   (the tenant's consultation working days), message;
 * - POST /vorgaenge/:trafficCaseId/anhoerung — starts it (errors name the field, 400), back to the case page.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app.js';
import { publicBaseUrlOf } from '../../../config/settings.js';
import { caseUrl } from '../../../modules/backoffice/backoffice-paths.js';
import { formField, navLinks, staffContext } from '../../../modules/backoffice/page-context.js';
import { loadCase } from '../../../modules/cases/case-engine.js';
import { berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { pick } from '../../../platform/i18n/i18n.js';
import { findStreets } from '../traffic-area.js';
import { readTrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings, TRAFFIC_SERVICE_ID } from '../traffic-settings.js';
import { checkStartForm, startConsultation } from './consultation-commands.js';
import { loadParties, proposedPartyIds } from './consultation-parties.js';

// The parameter is named for the kind of case it must be, so the staff isolation test supplies a traffic case.
type CaseParams = { trafficCaseId: string };
interface FormState {
  partyIds: string[] | null;
  dueDate: string | null;
  message: string;
  errors: { field: string; message: string }[];
}

/** The path of the consultation form of a case. */
export const consultationFormPath = (tenantSlug: string, caseId: string) => `${caseUrl(tenantSlug, caseId)}/anhoerung`;

const listField = (body: unknown, name: string): string[] => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
};

export const staffConsultationRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, clock } = services;

  async function render(request: FastifyRequest<{ Params: CaseParams }>, reply: FastifyReply, state: FormState, status = 200) {
    const ctx = staffContext(request);
    const view = await db.withTenant(ctx.tenantId, async (trx) => {
      const row = await loadCase(trx, ctx.tenantId, request.params.trafficCaseId, { forUpdate: false });
      const app = readTrafficApplication(row.data);
      if (row.service_id !== TRAFFIC_SERVICE_ID || row.closed_at || !app) throw new AppError('consultation.closed');
      const parties = await loadParties(trx, ctx.tenantId);
      const busRoute = (await findStreets(trx, ctx.tenantId, app.location.street)).some((s) => s.busRoute);
      const proposed = proposedPartyIds(parties, app, { busRoute, eventClosure: row.data.eventClosure === true });
      const settings = await loadTrafficSettings(trx, ctx.tenantId);
      const defaultDue = (await loadTenantCalendar(trx, ctx.tenantId)).addWorkingDays(berlinDateOf(clock.now()), settings.consultationWorkingDays);
      const chosen = state.partyIds ?? proposed;
      return { row, days: settings.consultationWorkingDays, dueDate: state.dueDate ?? defaultDue, parties: parties.map((p) => ({ id: p.id, name: p.name, email: p.email, checked: chosen.includes(p.id) })) };
    });
    return reply.status(status).view('services/verkehr/consultation/views/start-form', {
      title: state.errors.length > 0 ? request.t('staff.errorPrefix', { title: request.t('verkehr.consult.title') }) : request.t('verkehr.consult.title'),
      navLinks: navLinks(ctx, 'none'),
      reference: view.row.reference,
      caseUrl: caseUrl(ctx.tenantSlug, view.row.id),
      actionUrl: consultationFormPath(ctx.tenantSlug, view.row.id),
      parties: view.parties,
      dueDate: view.dueDate,
      dueHint: request.t('verkehr.consult.dueHint', { days: view.days }),
      message: state.message,
      errors: state.errors,
      errorFor: Object.fromEntries(state.errors.map((e) => [e.field, e.message])),
    });
  }

  app.get<{ Params: CaseParams }>('/vorgaenge/:trafficCaseId/anhoerung', async (request, reply) => render(request, reply, { partyIds: null, dueDate: null, message: '', errors: [] }));

  app.post<{ Params: CaseParams }>('/vorgaenge/:trafficCaseId/anhoerung', async (request, reply) => {
    const ctx = staffContext(request);
    const input = { partyIds: listField(request.body, 'parties'), dueDate: formField(request.body, 'dueDate'), message: formField(request.body, 'message') };
    const now = clock.now();
    try {
      const errors = checkStartForm(input, berlinDateOf(now));
      if (errors.length > 0) throw new AppError('validation.failed', errors.map((e) => ({ path: e.field, message: e.message })));
      await db.withTenant(ctx.tenantId, (trx) =>
        startConsultation(trx, services.queue, {
          tenant: { id: ctx.tenantId, slug: ctx.tenantSlug, officialName: request.tenant!.officialName },
          caseId: request.params.trafficCaseId,
          ...input,
          staffId: ctx.staffId,
          now,
          publicBaseUrl: publicBaseUrlOf(services.settings),
          secret: services.secret,
        }),
      );
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      return render(request, reply, { ...input, errors: e.fieldErrors.map((f) => ({ field: f.path, message: pick(f.message, request.locale) })) }, 400);
    }
    return reply.redirect(`${caseUrl(ctx.tenantSlug, request.params.trafficCaseId)}#panel-traffic`, 303);
  });
};
