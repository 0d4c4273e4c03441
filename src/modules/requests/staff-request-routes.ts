/**
 * Staff routes of information requests, below `/{tenant}/staff` (registered through
 * tenantStaffScoped for caseworkers and tenant admins, so another municipality's staff get 404
 * before anything runs; a case id of another tenant is 404 too):
 *
 * - GET  /vorgaenge/:caseId/nachforderung — the form (message, deadline with the default);
 * - POST /vorgaenge/:caseId/nachforderung — makes the request (errors name the field, 400);
 * - POST /vorgaenge/:caseId/nachforderung/gesehen — clears the inbox's "answer arrived" marker;
 * - POST /vorgaenge/:caseId/nachforderung/:requestId/zuruecknehmen — withdraws an open request.
 *
 * Every POST is CSRF-checked by the platform; each returns to the panel on the case page.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../app.js';
import type { Settings } from '../../config/settings.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { caseUrl } from '../backoffice/backoffice-paths.js';
import { formField, navLinks, staffContext } from '../backoffice/page-context.js';
import { loadCase, type CaseEngineDeps } from '../cases/case-engine.js';
import { checkRequestForm, defaultDueDate, requestInformation } from './request-information.js';
import { requestFormPath, requestsPanelUrl } from './request-paths.js';
import { REQUESTED_STATE, requestTransitionOf } from './request-workflow.js';
import { acknowledgeAnswers, withdrawInformationRequest } from './withdraw-request.js';

export interface StaffRequestRouteDeps {
  db: Database;
  queue: JobQueue;
  clock: Clock;
  engine: CaseEngineDeps;
  settings: Pick<Settings, 'informationRequestDays' | 'informationRequestReminderDays'>;
}

type CaseParams = { caseId: string };

interface FormState {
  message: string;
  dueDate: string;
  errors: { field: string; message: string }[];
}

async function renderForm(request: FastifyRequest<{ Params: CaseParams }>, reply: FastifyReply, deps: StaffRequestRouteDeps, state: FormState, status = 200) {
  const ctx = staffContext(request);
  const row = await deps.db.withTenant(ctx.tenantId, (trx) => loadCase(trx, ctx.tenantId, request.params.caseId, { forUpdate: false }));
  if (row.closed_at) throw new AppError('request.case_closed');
  const workflow = deps.engine.services.get(row.service_id, row.service_version)?.workflow;
  const entered = workflow && requestTransitionOf(workflow, row.state) ? workflow.states.find((s) => s.id === REQUESTED_STATE) : undefined;
  const title = request.t('requests.form.title');
  return reply.status(status).view('modules/requests/views/request-form', {
    title: state.errors.length > 0 ? request.t('staff.errorPrefix', { title }) : title,
    navLinks: navLinks(ctx, 'none'),
    reference: row.reference,
    caseUrl: caseUrl(ctx.tenantSlug, row.id),
    actionUrl: requestFormPath(ctx.tenantSlug, row.id),
    stateChange: entered ? request.t('requests.form.stateChange', { state: pick(entered.staffName, request.locale) }) : null,
    dueHint: request.t('requests.form.dueDateHint', { days: deps.settings.informationRequestDays, reminderDays: deps.settings.informationRequestReminderDays }),
    ...state,
    errorFor: Object.fromEntries(state.errors.map((e) => [e.field, e.message])),
  });
}

/** Routes below /:tenant/staff; register through the requests module. */
export const staffRequestRoutes: FastifyPluginAsync<StaffRequestRouteDeps> = async (app, deps) => {
  app.get<{ Params: CaseParams }>('/vorgaenge/:caseId/nachforderung', async (request, reply) => {
    const dueDate = defaultDueDate(deps.clock.now(), deps.settings.informationRequestDays);
    return renderForm(request, reply, deps, { message: '', dueDate, errors: [] });
  });

  app.post<{ Params: CaseParams }>('/vorgaenge/:caseId/nachforderung', async (request, reply) => {
    const ctx = staffContext(request);
    const raw = { message: formField(request.body, 'message'), dueDate: formField(request.body, 'dueDate') };
    const now = deps.clock.now();
    try {
      const form = checkRequestForm(raw, now);
      const reminderDays = deps.settings.informationRequestReminderDays;
      await requestInformation({ db: deps.db, queue: deps.queue, engine: deps.engine, reminderDays }, { tenantId: ctx.tenantId, caseId: request.params.caseId, staffId: ctx.staffId, ...form, now });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      const errors = e.fieldErrors.map((f) => ({ field: f.path, message: pick(f.message, request.locale) }));
      return renderForm(request, reply, deps, { ...raw, errors }, 400);
    }
    return reply.redirect(requestsPanelUrl(ctx.tenantSlug, request.params.caseId), 303);
  });

  app.post<{ Params: CaseParams }>('/vorgaenge/:caseId/nachforderung/gesehen', async (request, reply) => {
    const ctx = staffContext(request);
    await deps.db.withTenant(ctx.tenantId, (trx) => acknowledgeAnswers(trx, { tenantId: ctx.tenantId, caseId: request.params.caseId }));
    return reply.redirect(requestsPanelUrl(ctx.tenantSlug, request.params.caseId), 303);
  });

  app.post<{ Params: CaseParams & { requestId: string } }>('/vorgaenge/:caseId/nachforderung/:requestId/zuruecknehmen', async (request, reply) => {
    const ctx = staffContext(request);
    const { caseId, requestId } = request.params;
    await deps.db.withTenant(ctx.tenantId, (trx) => withdrawInformationRequest(trx, { tenantId: ctx.tenantId, caseId, requestId, staffId: ctx.staffId, now: deps.clock.now() }));
    return reply.redirect(requestsPanelUrl(ctx.tenantSlug, caseId), 303);
  });
};
