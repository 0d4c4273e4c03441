/**
 * The applicant's pages of an approved traffic order, below the status link (embeddable like the
 * status page; CSRF tokens bound to the link, so they work in the municipality's iframe without
 * cookies):
 *
 * - GET|POST …/aufstellprotokoll — the set-up record: date, time, 1–10 photos (multipart; CSRF
 *   checked by readUploadForm before the first byte of a photo; photos scanned and stored before
 *   the record is acknowledged), number plates;
 * - GET|POST …/fertigmeldung — the completion report (workflow step `report-completion`);
 * - GET|POST …/verlaengerung — the extension request (step `request-extension`).
 *
 * A link of another municipality, a replaced link or a case of another procedure is 404; a step
 * the case's state does not allow is 409. A refused form comes back with its errors (400) and
 * nothing of it kept (stored photos are deleted).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app.js';
import { berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { loadTenantCalendar } from '../../../platform/calendar/tenant-calendar.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { pick } from '../../../platform/i18n/i18n.js';
import { formatBytes } from '../../../platform/uploads/upload-errors.js';
import { readUploadForm, type ReceivedFile } from '../../../platform/uploads/multipart.js';
import { applyTransitionIn } from '../../../modules/cases/apply-transition.js';
import { loadCase } from '../../../modules/cases/case-engine.js';
import { caseFileBytes } from '../../../modules/requests/request-queries.js';
import { findCaseByStatusToken, type StatusCase } from '../../../modules/status/status-queries.js';
import { statusCsrfBinding } from '../../../modules/status/status-routes.js';
import { longDate } from '../date-text.js';
import { latestSetupDate } from '../lead-times.js';
import { readTrafficApplication, type TrafficApplication } from '../traffic-application.js';
import { loadTrafficSettings, TRAFFIC_SERVICE_ID } from '../traffic-settings.js';
import { afterApprovalPaths } from './citizen-paths.js';
import { extensionContext, MAX_REASON_LENGTH, requestExtension, type ExtensionForm } from './extension.js';
import { checkSetupForm, MAX_SETUP_PHOTOS, photoUploadError, recordSetup, SETUP_PHOTO_PURPOSE, type SetupForm } from './setup-record.js';

type TokenParams = { token: string };
type TokenRequest = FastifyRequest<{ Params: TokenParams }>;
type Errors = { field: string; message: string }[];

const PHOTO_TYPES = ['jpeg', 'png'] as const;
const COMPLETION_STATES = ['approved', 'overrun'];

/** Routes of the applicant's after-approval pages, registered per tenant (framable). */
export const afterApprovalCitizenRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, clock, settings } = services;

  app.addHook('onRequest', async (request, reply) => {
    const token = (request.params as Partial<TokenParams>).token;
    if (token) request.csrfBinding = statusCsrfBinding(token);
    // The URL holds the secret: never send it onwards as a referrer.
    reply.header('referrer-policy', 'no-referrer');
  });

  /** The traffic case of the link with its application; 404 for anything else, 409 outside `states`. */
  async function openCase(request: TokenRequest, states: readonly string[]): Promise<{ c: StatusCase; app: TrafficApplication }> {
    const tenant = request.tenant!;
    const found = await db.withTenant(tenant.id, async (trx) => {
      const c = await findCaseByStatusToken(trx, tenant.id, request.params.token);
      if (!c || c.serviceId !== TRAFFIC_SERVICE_ID) return null;
      const row = await trx.selectFrom('cases').select('data').where('tenant_id', '=', tenant.id).where('id', '=', c.id).executeTakeFirstOrThrow();
      return { c, app: readTrafficApplication(row.data) };
    });
    if (!found || !found.app) throw new AppError('status.not_found');
    if (!states.includes(found.c.state)) throw new AppError('case.transition_not_available');
    return { c: found.c, app: found.app };
  }

  const statusPath = (request: TokenRequest) => `/${request.tenant!.slug}/status/${request.params.token}`;

  function view(request: TokenRequest, reply: FastifyReply, template: string, titleKey: string, model: Record<string, unknown>, errors: Errors, status: number) {
    const title = request.t(titleKey);
    return reply.status(status).view(`services/verkehr/after-approval/views/${template}`, {
      ...model,
      title: errors.length > 0 ? request.t('staff.errorPrefix', { title }) : title,
      errorItems: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
      statusUrl: statusPath(request),
    });
  }

  const localized = (request: TokenRequest, errors: readonly FieldError[]): Errors => errors.map((f) => ({ field: f.path, message: pick(f.message, request.locale) }));
  const errorFor = (errors: Errors, field: string) => errors.find((e) => e.field === field)?.message;

  async function renderSetup(request: TokenRequest, reply: FastifyReply, opened: { c: StatusCase; app: TrafficApplication }, form: SetupForm, errors: Errors, status = 200) {
    const t = request.t;
    const tenantId = request.tenant!.id;
    const period = opened.app.includesNoParking ? opened.app.period : undefined;
    const setupBy = period && (await db.withTenant(tenantId, async (trx) => latestSetupDate(period.from, await loadTrafficSettings(trx, tenantId), await loadTenantCalendar(trx, tenantId))));
    return view(request, reply, 'setup-form', 'verkehr.after.setup.title', {
      reference: opened.c.reference,
      action: afterApprovalPaths(statusPath(request)).setup,
      setupBy: setupBy ? t('verkehr.after.setupBy', { date: pick(longDate(setupBy), request.locale) }) : null,
      fields: [
        { id: 'setupDate', name: 'setupDate', kind: 'text', width: 's', label: t('verkehr.after.setup.date'), hint: t('verkehr.after.setup.dateHint'), value: form.setupDate, error: errorFor(errors, 'setupDate') },
        { id: 'setupTime', name: 'setupTime', kind: 'text', width: 'xs', inputmode: 'numeric', label: t('verkehr.after.setup.time'), hint: t('verkehr.after.setup.timeHint'), value: form.setupTime, error: errorFor(errors, 'setupTime') },
        { id: 'photos', name: 'photos', kind: 'file', accept: '.jpg,.jpeg,.png,image/jpeg,image/png', label: t('verkehr.after.setup.photos'), hint: t('verkehr.after.setup.photosHint', { count: MAX_SETUP_PHOTOS, size: formatBytes(settings.uploadMaxFileBytes)[request.locale] }), error: errorFor(errors, 'photos') },
        { id: 'numberPlates', name: 'numberPlates', kind: 'textarea', maxlength: 1000, optional: true, label: t('verkehr.after.setup.plates'), hint: t('verkehr.after.setup.platesHint'), value: form.numberPlates, error: errorFor(errors, 'numberPlates') },
      ],
    }, errors, status);
  }

  app.get<{ Params: TokenParams }>('/status/:token/aufstellprotokoll', async (request, reply) => {
    return renderSetup(request, reply, await openCase(request, ['approved']), { setupDate: '', setupTime: '', numberPlates: '' }, []);
  });

  app.post<{ Params: TokenParams }>('/status/:token/aufstellprotokoll', { config: { csrf: 'multipart-in-handler' } }, async (request, reply) => {
    const opened = await openCase(request, ['approved']);
    const tenantId = request.tenant!.id;
    let received: { form: SetupForm; photos: ReceivedFile[] };
    try {
      const usedBytes = await db.withTenant(tenantId, (trx) => caseFileBytes(trx, tenantId, opened.c.id));
      const upload = await readUploadForm(request, services, {
        tenantId,
        purpose: SETUP_PHOTO_PURPOSE,
        fileFields: { photos: { maxFileBytes: settings.uploadMaxFileBytes, allowedTypes: PHOTO_TYPES, maxFiles: MAX_SETUP_PHOTOS } },
        application: { limitBytes: settings.uploadMaxApplicationBytes, usedBytes },
        maxFields: 6,
        maxFieldBytes: 4000,
        csrfSecret: services.secret,
      });
      const field = (name: string) => upload.fields[name]?.at(-1) ?? '';
      received = { form: { setupDate: field('setupDate'), setupTime: field('setupTime'), numberPlates: field('numberPlates') }, photos: upload.files };
    } catch (e) {
      if (!(e instanceof AppError) || !e.code.startsWith('upload.') || e.fieldErrors.length === 0) throw e;
      if (e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
      return renderSetup(request, reply, opened, { setupDate: '', setupTime: '', numberPlates: '' }, localized(request, photoUploadError(e)), e.status);
    }
    const discardPhotos = () => Promise.allSettled(received.photos.map((f) => services.storage.delete(f.key)));
    try {
      const lastDay = await db.withTenant(tenantId, async (trx) => (await extensionContext(trx, tenantId, opened.c.id, opened.app))?.lastDay);
      const setup = checkSetupForm(received.form, received.photos.length, { now: clock.now(), submittedOn: berlinDateOf(opened.c.submittedAt), lastDay: lastDay ?? berlinDateOf(clock.now()) });
      await recordSetup({ db, engine: services.caseEngine }, { tenantId, caseId: opened.c.id, setup, photos: received.photos, now: clock.now() });
    } catch (e) {
      // Nothing of a refused record stays: no row points at these photos.
      await discardPhotos();
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      return renderSetup(request, reply, opened, received.form, localized(request, e.fieldErrors), 400);
    }
    return reply.redirect(`${statusPath(request)}#aufstellprotokoll`, 303);
  });

  function renderCompletion(request: TokenRequest, reply: FastifyReply, c: StatusCase, errors: Errors, status = 200) {
    return view(request, reply, 'completion', 'verkehr.after.complete.title', { reference: c.reference, action: afterApprovalPaths(statusPath(request)).completion, error: errorFor(errors, 'confirmed') ?? null }, errors, status);
  }

  app.get<{ Params: TokenParams }>('/status/:token/fertigmeldung', async (request, reply) => {
    return renderCompletion(request, reply, (await openCase(request, COMPLETION_STATES)).c, []);
  });

  app.post<{ Params: TokenParams }>('/status/:token/fertigmeldung', async (request, reply) => {
    const { c } = await openCase(request, COMPLETION_STATES);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.confirmed !== 'yes') {
      const message = request.t('verkehr.after.complete.confirmMissing', { label: request.t('verkehr.after.complete.confirm') });
      return renderCompletion(request, reply, c, [{ field: 'confirmed', message }], 400);
    }
    const tenantId = request.tenant!.id;
    await db.withTenant(tenantId, async (trx) => {
      const row = await loadCase(trx, tenantId, c.id, { forUpdate: true });
      await applyTransitionIn(trx, services.caseEngine, { tenantId, caseId: row.id, transitionId: 'report-completion', actor: { kind: 'citizen' }, expectedVersion: row.version, now: clock.now() });
    });
    return reply.redirect(statusPath(request), 303);
  });

  async function renderExtension(request: TokenRequest, reply: FastifyReply, opened: { c: StatusCase; app: TrafficApplication }, form: ExtensionForm, errors: Errors, status = 200) {
    const t = request.t;
    const tenantId = request.tenant!.id;
    const ctx = await db.withTenant(tenantId, (trx) => extensionContext(trx, tenantId, opened.c.id, opened.app));
    if (!ctx) throw new AppError('case.transition_not_available');
    return view(request, reply, 'extension-form', 'verkehr.after.extension.title', {
      reference: opened.c.reference,
      action: afterApprovalPaths(statusPath(request)).extension,
      current: t('verkehr.after.extension.current', { date: pick(longDate(ctx.lastDay), request.locale) }),
      latest: berlinDateOf(clock.now()) <= ctx.latestRequest ? t('verkehr.after.extension.latest', { date: pick(longDate(ctx.latestRequest), request.locale) }) : null,
      fields: [
        { id: 'newEnd', name: 'newEnd', kind: 'text', width: 's', label: t('verkehr.after.extension.newEnd'), hint: t('verkehr.after.extension.newEndHint'), value: form.newEnd, error: errorFor(errors, 'newEnd') },
        { id: 'reason', name: 'reason', kind: 'textarea', maxlength: MAX_REASON_LENGTH, optional: true, label: t('verkehr.after.extension.reason'), hint: t('verkehr.after.extension.reasonHint'), value: form.reason, error: errorFor(errors, 'reason') },
      ],
    }, errors, status);
  }

  app.get<{ Params: TokenParams }>('/status/:token/verlaengerung', async (request, reply) => {
    return renderExtension(request, reply, await openCase(request, ['approved']), { newEnd: '', reason: '' }, []);
  });

  app.post<{ Params: TokenParams }>('/status/:token/verlaengerung', async (request, reply) => {
    const opened = await openCase(request, ['approved']);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = { newEnd: typeof body.newEnd === 'string' ? body.newEnd : '', reason: typeof body.reason === 'string' ? body.reason : '' };
    try {
      await requestExtension({ db, engine: services.caseEngine }, { tenantId: request.tenant!.id, caseId: opened.c.id, form, now: clock.now() });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
      return renderExtension(request, reply, opened, form, localized(request, e.fieldErrors), 400);
    }
    return reply.redirect(`${statusPath(request)}#verlaengerung`, 303);
  });
};

