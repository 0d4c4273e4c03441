/**
 * The applicant's side of information requests, below the status link (`/{tenant}/status/{token}`,
 * embeddable like the status page; CSRF tokens bound to the status link, so it works in the
 * municipality's iframe without cookies):
 *
 * - GET  …/rueckfragen/:requestId — the answer page of an open request (the status page shows
 *   the same form; this page is where a refused answer is shown again with its errors);
 * - POST …/rueckfragen/:requestId — the answer: multipart with text and files (CSRF checked by
 *   readUploadForm before the first file byte) or a plain form with text only.
 *
 * A link of another municipality, a replaced link or another case's request is 404.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { publicBaseUrlOf } from '../../config/settings.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import { readUploadForm, type ReceivedFile } from '../../platform/uploads/multipart.js';
import { caseUrl } from '../backoffice/backoffice-paths.js';
import { isUuid } from '../cases/case-engine.js';
import { findCaseByStatusToken, type StatusCase } from '../status/status-queries.js';
import { statusCsrfBinding } from '../status/status-routes.js';
import { answerInformationRequest, checkAnswer } from './answer-request.js';
import { ANSWER_FILE_TYPES, ANSWER_MAX_FILES, applicantRequestViews, type ApplicantRequestView } from './applicant-request-view.js';
import { ANSWER_FILE_PURPOSE, caseFileBytes, listCaseRequests } from './request-queries.js';
import { statusPagePath } from './request-paths.js';

type AnswerParams = { token: string; requestId: string };
type AnswerRequest = FastifyRequest<{ Params: AnswerParams }>;

interface AnswerPageState {
  answer: string;
  errors: { field: 'answer' | 'files'; message: string }[];
}

/** Routes of the applicant's answers, registered per tenant (framable). */
export const applicantRequestRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, packages, clock, settings } = services;

  app.addHook('onRequest', async (request, reply) => {
    const token = (request.params as Partial<AnswerParams>).token;
    if (token) request.csrfBinding = statusCsrfBinding(token);
    // The URL holds the secret: never send it onwards as a referrer.
    reply.header('referrer-policy', 'no-referrer');
  });

  /** The case of the link and the open request's view; 404 unless both belong together, 409 when the request is no longer open. */
  async function openRequest(request: AnswerRequest): Promise<{ c: StatusCase; view: ApplicantRequestView }> {
    const tenant = request.tenant!;
    const found = await db.withTenant(tenant.id, async (trx) => {
      const c = await findCaseByStatusToken(trx, tenant.id, request.params.token);
      return c ? { c, requests: await listCaseRequests(trx, tenant.id, c.id) } : null;
    });
    if (!found) throw new AppError('status.not_found');
    if (!isUuid(request.params.requestId)) throw new AppError('request.not_found');
    const views = applicantRequestViews(found.requests, { tenantSlug: tenant.slug, token: request.params.token, locale: request.locale, t: request.t, now: clock.now(), maxFileBytes: settings.uploadMaxFileBytes });
    const view = views.find((v) => v.id === request.params.requestId);
    if (!view) throw new AppError('request.not_found');
    if (!view.open) throw new AppError('request.not_open');
    return { c: found.c, view };
  }

  function renderAnswerPage(request: AnswerRequest, reply: FastifyReply, opened: { c: StatusCase; view: ApplicantRequestView }, state: AnswerPageState, status = 200) {
    const definition = packages.registry.get(opened.c.serviceId, opened.c.serviceVersion);
    const title = request.t('requests.applicant.pageTitle');
    const fieldId = (field: string) => `${field}-${opened.view.id}`;
    return reply.status(status).view('modules/requests/views/answer', {
      title: state.errors.length > 0 ? request.t('staff.errorPrefix', { title }) : title,
      serviceName: definition ? pick(definition.name, request.locale) : opened.c.serviceId,
      reference: opened.c.reference,
      request: opened.view,
      answer: state.answer,
      errorFor: Object.fromEntries(state.errors.map((e) => [e.field, e.message])),
      errorItems: state.errors.map((e) => ({ text: e.message, href: `#${fieldId(e.field)}` })),
      statusUrl: statusPagePath(request.tenant!.slug, request.params.token),
    });
  }

  /** Reads the answer's text and files; a refused file is an AppError with the `files` field. */
  async function readAnswer(request: AnswerRequest, caseId: string): Promise<{ text: string; files: ReceivedFile[] }> {
    if (!request.isMultipart()) return { text: String((request.body as Record<string, unknown> | undefined)?.answer ?? ''), files: [] };
    const tenantId = request.tenant!.id;
    const usedBytes = await db.withTenant(tenantId, (trx) => caseFileBytes(trx, tenantId, caseId));
    const form = await readUploadForm(request, services, {
      tenantId,
      purpose: ANSWER_FILE_PURPOSE,
      fileFields: { files: { maxFileBytes: settings.uploadMaxFileBytes, allowedTypes: ANSWER_FILE_TYPES, maxFiles: ANSWER_MAX_FILES } },
      application: { limitBytes: settings.uploadMaxApplicationBytes, usedBytes },
      maxFields: 5,
      maxFieldBytes: 40_000,
      csrfSecret: services.secret,
    });
    return { text: form.fields.answer?.at(-1) ?? '', files: form.files };
  }

  app.get<{ Params: AnswerParams }>('/status/:token/rueckfragen/:requestId', async (request, reply) => {
    return renderAnswerPage(request, reply, await openRequest(request), { answer: '', errors: [] });
  });

  app.post<{ Params: AnswerParams }>('/status/:token/rueckfragen/:requestId', { config: { csrf: 'multipart-in-handler' } }, async (request, reply) => {
    const opened = await openRequest(request);
    let received: { text: string; files: ReceivedFile[] };
    try {
      received = await readAnswer(request, opened.c.id);
    } catch (e) {
      if (!(e instanceof AppError) || !e.code.startsWith('upload.') || e.fieldErrors.length === 0) throw e;
      if (e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
      return renderAnswerPage(request, reply, opened, { answer: '', errors: e.fieldErrors.map((f) => ({ field: 'files', message: pick(f.message, request.locale) })) }, e.status);
    }
    const discardFiles = () => Promise.allSettled(received.files.map((f) => services.storage.delete(f.key)));
    let text: string;
    try {
      text = checkAnswer(received.text, received.files.length);
    } catch (e) {
      await discardFiles();
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      return renderAnswerPage(request, reply, opened, { answer: received.text, errors: e.fieldErrors.map((f) => ({ field: 'answer', message: pick(f.message, request.locale) })) }, 400);
    }
    try {
      await answerInformationRequest(
        {
          db,
          queue: services.queue,
          engine: services.caseEngine,
          serviceName: (id, version) => packages.registry.get(id, version)?.name ?? { de: id, en: id },
          caseUrl: (slug, caseId) => `${publicBaseUrlOf(settings)}${caseUrl(slug, caseId)}`,
        },
        { tenant: request.tenant!, caseId: opened.c.id, requestId: opened.view.id, text, files: received.files, now: clock.now() },
      );
    } catch (e) {
      // Nothing of a refused answer stays: no row points at these files.
      await discardFiles();
      throw e;
    }
    return reply.redirect(`${statusPagePath(request.tenant!.slug, request.params.token)}#rueckfragen`, 303);
  });
};
