/**
 * The citizen journey in HTML (issue 3): service start page, one form page at a time, check your
 * answers, submit, confirmation, and save-and-resume. The draft is reached by its secret link
 * (`/{tenant}/{service}/antrag/{token}/…`), so it works across devices and inside the embedding
 * iframe without cookies; CSRF tokens of draft pages are bound to the draft.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrlOf } from '../../config/settings.js';
import type { FormInput } from '../../definitions/core/form-input.js';
import { inputId } from '../../definitions/core/paths.js';
import type { JsonObject } from '../../definitions/core/json.js';
import type { FieldView } from '../../definitions/core/view-types.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import { firstPage, previousPage } from '../../definitions/validation/navigation.js';
import type { ValidationError } from '../../definitions/validation/validate.js';
import { buildPageView } from '../../definitions/view/page-view.js';
import type { Trx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatDate, pick } from '../../platform/i18n/i18n.js';
import type { AppServices } from '../../app.js';
import { statusTokenFor } from '../cases/status-links.js';
import { createDraft, findDraftByToken, type DraftRecord } from './draft-store.js';
import { draftUsedBytes, readPagePost, uploadPolicies } from './draft-uploads.js';
import { handlePagePost, resumePageId, visiblePage } from './runner-flow.js';
import { checkAnswersView, serviceInfoView } from './runner-views.js';
import { queueResumeMail } from './resume-mail.js';
import { findOfferedService, type OfferedService } from './service-offer.js';
import { SubmissionInvalidError, submitApplication } from './submit-application.js';

type DraftParams = { service: string; token: string };

const base = (request: FastifyRequest, serviceId: string) => `/${request.tenant!.slug}/${serviceId}`;
const draftBase = (request: FastifyRequest, p: DraftParams) => `${base(request, p.service)}/antrag/${p.token}`;

/** Whether a page shows a drawing map (a `geometry` field, also inside groups and rows). */
const hasMap = (fields: readonly FieldView[]): boolean => fields.some((f) => f.map !== undefined || hasMap(f.fields ?? []) || (f.rows ?? []).some((r) => hasMap(r.fields)));

/** The runner's routes; registered per tenant (framable: municipalities embed them). */
export const runnerRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, packages, clock, settings } = services;

  async function offered(request: FastifyRequest, serviceId: string): Promise<OfferedService> {
    const offer = await findOfferedService(db, packages, request.tenant!.id, serviceId);
    if (!offer) throw new AppError('http.not_found');
    return offer;
  }

  /** The draft of the link, with its service version; expired or unknown links are 404. */
  async function openDraft(request: FastifyRequest<{ Params: DraftParams }>): Promise<{ draft: DraftRecord; definition: ServiceDefinition; offer: OfferedService }> {
    const offer = await offered(request, request.params.service);
    const draft = await db.withTenant(request.tenant!.id, (trx) => findDraftByToken(trx, request.tenant!.id, request.params.token, clock.now()));
    if (!draft || draft.serviceId !== offer.pkg.id) throw new AppError('submission.draft_not_found');
    const definition = packages.registry.get(draft.serviceId, draft.serviceVersion);
    if (!definition) throw new AppError('submission.draft_not_found');
    return { draft, definition, offer };
  }

  // Draft pages bind their CSRF token to the draft (the link's secret), not to a cookie, so forms
  // work inside a third-party iframe where cookies are blocked.
  app.addHook('onRequest', async (request) => {
    const token = (request.params as Partial<DraftParams>).token;
    if (token) request.csrfBinding = `draft:${createHash('sha256').update(token).digest('base64url')}`;
  });

  async function renderPage(
    request: FastifyRequest<{ Params: DraftParams }>,
    reply: FastifyReply,
    ctx: { draft: DraftRecord; definition: ServiceDefinition; offer: OfferedService },
    pageId: string,
    shown: { data: JsonObject; raw?: FormInput; errors?: readonly ValidationError[] },
    status = 400,
  ) {
    const now = clock.now();
    const view = buildPageView(ctx.definition, pageId, { data: shown.data, locale: request.locale, now, ...(shown.raw ? { raw: shown.raw } : {}), ...(shown.errors ? { errors: shown.errors } : {}) });
    const prev = previousPage(ctx.definition, pageId, shown.data, { now });
    const returnToCheck = (request.query as Record<string, unknown>).from === 'pruefen' || shown.raw?.returnToCheck === '1';
    if (shown.errors && shown.errors.length > 0) reply.status(status);
    // A drawing map opens on the municipality's area, which only the procedure knows.
    const areaOf = ctx.offer.pkg.mapArea;
    const mapArea = areaOf && hasMap(view.fields) ? await db.withTenant(ctx.draft.tenantId, (trx) => areaOf(trx, ctx.draft.tenantId)) : undefined;
    return reply.view('modules/submissions/views/page', {
      mapArea: mapArea ? JSON.stringify(mapArea) : undefined,
      title: view.errorSummary.length > 0 ? `${request.t('runner.errorTitlePrefix')}: ${view.title}` : view.title,
      serviceName: pick(ctx.definition.name, request.locale),
      view,
      action: `${draftBase(request, request.params)}/seite/${pageId}`,
      backHref: prev ? `${draftBase(request, request.params)}/seite/${prev.id}` : base(request, request.params.service),
      saveHref: `${draftBase(request, request.params)}/speichern`,
      returnToCheck,
    });
  }

  app.get<{ Params: { service: string } }>('/:service', async (request, reply) => {
    const offer = await offered(request, request.params.service);
    return reply.view('modules/submissions/views/start', {
      title: pick(offer.definition.name, request.locale),
      info: serviceInfoView(offer.definition, request.locale),
      startAction: `${base(request, offer.pkg.id)}/antrag`,
    });
  });

  // Creating an empty draft needs no CSRF protection: a forged start only creates a draft whose
  // link the forger never learns (and the form is the entry point from municipal websites).
  app.post<{ Params: { service: string } }>('/:service/antrag', { config: { csrf: false } }, async (request, reply) => {
    const offer = await offered(request, request.params.service);
    const now = clock.now();
    const { token } = await db.withTenant(request.tenant!.id, (trx) =>
      createDraft(trx, {
        tenantId: request.tenant!.id,
        serviceId: offer.pkg.id,
        serviceVersion: offer.definition.version,
        locale: request.locale,
        now,
        expiresAt: new Date(now.getTime() + settings.draftRetentionDays * 86_400_000),
      }),
    );
    const first = firstPage(offer.definition, {}, { now });
    return reply.redirect(`${base(request, offer.pkg.id)}/antrag/${token}/seite/${first.id}`, 303);
  });

  app.get<{ Params: DraftParams }>('/:service/antrag/:token', async (request, reply) => {
    const ctx = await openDraft(request);
    if (ctx.draft.submittedCaseId) return reply.redirect(`${draftBase(request, request.params)}/bestaetigung`, 303);
    const pageId = resumePageId(ctx.definition, ctx.draft, clock.now());
    return reply.redirect(`${draftBase(request, request.params)}/${pageId ? `seite/${pageId}` : 'pruefen'}`, 303);
  });

  app.get<{ Params: DraftParams & { page: string } }>('/:service/antrag/:token/seite/:page', async (request, reply) => {
    const ctx = await openDraft(request);
    if (ctx.draft.submittedCaseId) return reply.redirect(`${draftBase(request, request.params)}/bestaetigung`, 303);
    const page = visiblePage(ctx.definition, request.params.page, ctx.draft.data as JsonObject, clock.now());
    if (!page) throw new AppError('http.not_found');
    return renderPage(request, reply, ctx, page.id, { data: ctx.draft.data as JsonObject });
  });

  app.post<{ Params: DraftParams & { page: string } }>('/:service/antrag/:token/seite/:page', { config: { csrf: 'multipart-in-handler' } }, async (request, reply) => {
    const ctx = await openDraft(request);
    if (ctx.draft.submittedCaseId) return reply.redirect(`${draftBase(request, request.params)}/bestaetigung`, 303);
    const now = clock.now();
    const page = visiblePage(ctx.definition, request.params.page, ctx.draft.data as JsonObject, now);
    if (!page) throw new AppError('http.not_found');
    let raw: FormInput;
    let uploads: Awaited<ReturnType<typeof readPagePost>>['files'] = [];
    if (request.isMultipart()) {
      const used = await db.withTenant(ctx.draft.tenantId, (trx) => draftUsedBytes(trx, ctx.draft));
      try {
        const form = await readPagePost(request, services, ctx.draft, uploadPolicies(ctx.definition, page), used);
        raw = form.fields;
        uploads = form.files;
      } catch (e) {
        // A refused file: show the page again with the reason next to the file field.
        if (!(e instanceof AppError) || !e.code.startsWith('upload.') || e.fieldErrors.length === 0) throw e;
        const errors = e.fieldErrors.map((f) => ({ path: f.path, fieldId: f.path.split(/[.[]/)[0]!, code: e.code, message: f.message }));
        reply.status(e.status);
        if (e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
        return renderPage(request, reply, ctx, page.id, { data: ctx.draft.data as JsonObject, errors }, e.status);
      }
    } else {
      raw = (request.body ?? {}) as FormInput;
    }
    const check = ctx.offer.pkg.preSubmitCheck;
    const outcome = await handlePagePost(
      { db, storage: services.storage, retentionDays: settings.draftRetentionDays },
      {
        definition: ctx.definition,
        draft: ctx.draft,
        page,
        raw,
        uploads,
        locale: request.locale,
        now,
        ...(check ? { check: (trx: Trx, data: JsonObject) => check(trx, { tenantId: ctx.draft.tenantId, data, now }) } : {}),
      },
    );
    if (outcome.kind === 'show' && outcome.focus && outcome.errors.length === 0) {
      // After adding or removing a row or file, lead the applicant back to where they were:
      // the fragment moves the browser (and the next Tab) to the new row or the list.
      const anchor = /\[\d+\]$/.test(outcome.focus) ? inputId(outcome.focus) : `${inputId(outcome.focus)}-field`;
      return reply.redirect(`${draftBase(request, request.params)}/seite/${page.id}${returnToCheckQuery(raw)}#${anchor}`, 303);
    }
    if (outcome.kind === 'show') {
      return renderPage(request, reply, ctx, page.id, { data: outcome.data, ...(outcome.raw ? { raw: outcome.raw } : {}), errors: outcome.errors });
    }
    return reply.redirect(`${draftBase(request, request.params)}/${outcome.pageId ? `seite/${outcome.pageId}` : 'pruefen'}`, 303);
  });

  app.get<{ Params: DraftParams }>('/:service/antrag/:token/pruefen', async (request, reply) => {
    const ctx = await openDraft(request);
    if (ctx.draft.submittedCaseId) return reply.redirect(`${draftBase(request, request.params)}/bestaetigung`, 303);
    const now = clock.now();
    const check = ctx.offer.pkg.preSubmitCheck;
    const preSubmit = check ? await db.withTenant(ctx.draft.tenantId, (trx) => check(trx, { tenantId: ctx.draft.tenantId, data: ctx.draft.data as JsonObject, now })) : undefined;
    return reply.view('modules/submissions/views/check', checkAnswersView(request, ctx, draftBase(request, request.params), now, undefined, preSubmit));
  });

  app.post<{ Params: DraftParams }>('/:service/antrag/:token/absenden', async (request, reply) => {
    const ctx = await openDraft(request);
    try {
      await submitApplication(
        { db, queue: services.queue, secret: services.secret, publicBaseUrl: publicBaseUrlOf(settings) },
        { tenant: request.tenant!, pkg: ctx.offer.pkg, definition: ctx.definition, data: ctx.draft.data, locale: request.locale, now: clock.now(), draft: ctx.draft },
      );
    } catch (e) {
      if (!(e instanceof SubmissionInvalidError)) throw e;
      reply.status(400);
      return reply.view('modules/submissions/views/check', checkAnswersView(request, ctx, draftBase(request, request.params), clock.now(), e.errors));
    }
    return reply.redirect(`${draftBase(request, request.params)}/bestaetigung`, 303);
  });

  app.get<{ Params: DraftParams }>('/:service/antrag/:token/bestaetigung', async (request, reply) => {
    const ctx = await openDraft(request);
    if (!ctx.draft.submittedCaseId) return reply.redirect(`${draftBase(request, request.params)}/pruefen`, 303);
    const row = await db.withTenant(ctx.draft.tenantId, (trx) =>
      trx
        .selectFrom('cases')
        .select(['id', 'reference', 'status_link_generation', 'applicant_email'])
        .where('tenant_id', '=', ctx.draft.tenantId)
        .where('id', '=', ctx.draft.submittedCaseId!)
        .executeTakeFirstOrThrow(),
    );
    const statusPath = `/${request.tenant!.slug}/status/${statusTokenFor(services.secret, row.id, row.status_link_generation)}`;
    return reply.view('modules/submissions/views/confirmation', {
      title: request.t('runner.confirmation.title'),
      reference: row.reference,
      serviceName: pick(ctx.definition.name, request.locale),
      processingTime: pick(ctx.definition.processingTime, request.locale),
      statusHref: statusPath,
      statusUrl: `${publicBaseUrlOf(settings)}${statusPath}`,
      mailSent: Boolean(row.applicant_email),
    });
  });

  app.get<{ Params: DraftParams }>('/:service/antrag/:token/speichern', async (request, reply) => {
    const ctx = await openDraft(request);
    return reply.view('modules/submissions/views/save', saveView(request, ctx, {}));
  });

  app.post<{ Params: DraftParams }>('/:service/antrag/:token/speichern', async (request, reply) => {
    const ctx = await openDraft(request);
    const email = String((request.body as Record<string, unknown> | undefined)?.email ?? '').trim();
    if (!/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/.test(email)) {
      reply.status(400);
      return reply.view('modules/submissions/views/save', saveView(request, ctx, { email, error: request.t('runner.save.emailInvalid') }));
    }
    await db.withTenant(ctx.draft.tenantId, (trx) =>
      queueResumeMail(trx, services.queue, {
        tenant: request.tenant!,
        draft: ctx.draft,
        to: email,
        serviceName: ctx.definition.name,
        resumeUrl: `${publicBaseUrlOf(settings)}${draftBase(request, request.params)}`,
        locale: request.locale,
      }),
    );
    return reply.view('modules/submissions/views/save', saveView(request, ctx, { sentTo: email }));
  });

  function saveView(request: FastifyRequest<{ Params: DraftParams }>, ctx: { draft: DraftRecord; definition: ServiceDefinition }, state: { email?: string; error?: string; sentTo?: string }) {
    return {
      title: request.t('runner.save.title'),
      serviceName: pick(ctx.definition.name, request.locale),
      resumeUrl: `${publicBaseUrlOf(settings)}${draftBase(request, request.params)}`,
      resumeHref: draftBase(request, request.params),
      until: formatDate(ctx.draft.expiresAt, request.locale),
      action: `${draftBase(request, request.params)}/speichern`,
      ...state,
    };
  }
};

/** Keeps the "came from the check page" state across a row or file action. */
function returnToCheckQuery(raw: FormInput): string {
  return raw.returnToCheck === '1' ? '?from=pruefen' : '';
}
