/**
 * Workflow steps from the case page, without JavaScript: the step's button POSTs the case version
 * the caseworker saw; the answer is a confirmation page asking for the step's inputs (e.g. a
 * reason), which POSTs again with `confirmed=1`. Only then does `applyTransition` run — with the
 * version from the first page, so a colleague's step in between is caught as a concurrent change
 * and the case page is shown again, reloaded, with a message saying so.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, type FieldError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import { applyTransition } from '../cases/apply-transition.js';
import { ConcurrentModificationError, loadCase } from '../cases/case-engine.js';
import { stateOf, type WorkflowTransition } from '../../definitions/workflow/workflow-schema.js';
import type { BackOfficeDeps } from './backoffice-deps.js';
import { caseUrl } from './backoffice-paths.js';
import { concurrentChangeNotice, renderCasePage } from './case-routes.js';
import { loadCaseLabels } from './case-labels.js';
import { formField, navLinks, staffContext, type StaffRequestContext } from './page-context.js';

const INPUT_PREFIX = 'input_';

function readExpectedVersion(body: unknown): number {
  const raw = formField(body, 'expectedVersion');
  if (!/^[1-9]\d{0,8}$/.test(raw)) {
    throw new AppError('validation.failed', [
      { path: 'expectedVersion', message: { de: 'Die Versionsangabe des Formulars fehlt oder ist ungültig. Bitte öffnen Sie den Vorgang neu.', en: 'The form’s version is missing or invalid. Please open the case again.' } },
    ]);
  }
  return Number(raw);
}

/** The inputs the form sent (fields named `input_<id>`), by input id. */
function readInputs(body: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (!body || typeof body !== 'object') return inputs;
  for (const key of Object.keys(body)) {
    if (key.startsWith(INPUT_PREFIX)) inputs[key.slice(INPUT_PREFIX.length)] = formField(body, key);
  }
  return inputs;
}

/** The case, its workflow and the requested caseworker step; unknown steps are 404. */
async function loadStep(deps: BackOfficeDeps, ctx: StaffRequestContext, caseId: string, transitionId: string) {
  return deps.db.withTenant(ctx.tenantId, async (trx) => {
    const row = await loadCase(trx, ctx.tenantId, caseId, { forUpdate: false });
    const workflow = deps.engine.services.get(row.service_id, row.service_version)?.workflow;
    const transition = workflow?.transitions.find((t) => t.id === transitionId && t.actor === 'caseworker');
    if (!workflow || !transition) throw new AppError('case.transition_unknown');
    const labels = await loadCaseLabels(trx, deps.engine.services, ctx.locale);
    return { row, workflow, transition, labels };
  });
}

function renderConfirm(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: StaffRequestContext,
  step: Awaited<ReturnType<typeof loadStep>>,
  form: { expectedVersion: number; values: Record<string, string>; errors: FieldError[] },
) {
  const { row, workflow, transition, labels } = step;
  const locale = ctx.locale;
  const errorFor = (id: string) => form.errors.find((e) => e.path === id);
  const name = pick(transition.name, locale);
  const title = request.t('backoffice.step.title', { name });
  const errors = form.errors.map((e) => ({ field: transition.input.some((f) => f.id === e.path) ? `input-${e.path}` : 'confirm-button', message: pick(e.message, locale) }));
  return reply.status(form.errors.length > 0 ? 400 : 200).view('modules/backoffice/views/confirm-step', {
    title: errors.length > 0 ? request.t('staff.errorPrefix', { title }) : title,
    navLinks: navLinks(ctx, 'none'),
    errors,
    caseUrl: caseUrl(ctx.tenantSlug, row.id),
    actionUrl: `${caseUrl(ctx.tenantSlug, row.id)}/schritte/${transition.id}`,
    reference: row.reference,
    stepName: name,
    question: transition.confirm ? pick(transition.confirm, locale) : request.t('backoffice.step.defaultQuestion', { name }),
    from: labels.stateName(row.service_id, row.service_version, row.state),
    to: pick(stateOf(workflow, transition.to).staffName, locale),
    expectedVersion: form.expectedVersion,
    inputs: transition.input.map((f) => ({
      id: f.id,
      type: f.type,
      label: pick(f.label, locale),
      required: f.required,
      hint: lengthHint(request, f),
      value: form.values[f.id] ?? '',
      error: errorFor(f.id) ? pick(errorFor(f.id)!.message, locale) : undefined,
    })),
  });
}

function lengthHint(request: FastifyRequest, f: WorkflowTransition['input'][number]): string | undefined {
  if (f.type === 'date') return request.t('backoffice.step.dateHint');
  if (f.minLength) return request.t('backoffice.step.minLengthHint', { min: f.minLength });
  return undefined;
}

/** Registers the step route. */
export const transitionRoutes: FastifyPluginAsync<BackOfficeDeps> = async (app, deps) => {
  app.post('/vorgaenge/:caseId/schritte/:transitionId', async (request, reply) => {
    const ctx = staffContext(request);
    const { caseId, transitionId } = request.params as { caseId: string; transitionId: string };
    const expectedVersion = readExpectedVersion(request.body);
    const values = readInputs(request.body);
    const step = await loadStep(deps, ctx, caseId, transitionId);

    if (formField(request.body, 'confirmed') !== '1') {
      // The confirmation page is only worth showing for the version the caseworker saw.
      if (step.row.version !== expectedVersion) return renderCasePage(request, reply, deps, caseId, { status: 409, notice: concurrentChangeNotice(request) });
      return renderConfirm(request, reply, ctx, step, { expectedVersion, values: {}, errors: [] });
    }

    try {
      await applyTransition(deps.engine, {
        tenantId: ctx.tenantId,
        caseId: step.row.id,
        transitionId: step.transition.id,
        actor: { kind: 'caseworker', id: ctx.staffId },
        expectedVersion,
        input: values,
        now: deps.clock.now(),
      });
    } catch (e) {
      if (e instanceof ConcurrentModificationError) return renderCasePage(request, reply, deps, caseId, { status: 409, notice: concurrentChangeNotice(request) });
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'validation.failed') return renderConfirm(request, reply, ctx, step, { expectedVersion, values, errors: e.fieldErrors });
      if (e.code === 'case.transition_guard_failed' || e.code === 'case.transition_not_available') {
        const notice = { tone: 'danger' as const, title: pick(errorCatalogue[e.code].title, ctx.locale), lines: e.fieldErrors.map((f) => pick(f.message, ctx.locale)) };
        return renderCasePage(request, reply, deps, caseId, { status: 409, notice });
      }
      throw e;
    }
    return reply.redirect(`${caseUrl(ctx.tenantSlug, step.row.id)}?hinweis=schritt`, 303);
  });
};
