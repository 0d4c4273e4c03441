/**
 * The JSON API for the citizen journey (`/api/v1/{tenant}/…`): the services a municipality offers,
 * a service's data schema, attachments, submission with an Idempotency-Key, and the status by the
 * secret token. It runs the very same validation and submission code as the HTML runner, and
 * answers errors as RFC 9457 problem documents with field paths. No cookies are involved, so
 * there is no CSRF check; no CORS headers are sent.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { publicBaseUrlOf } from '../../config/settings.js';
import { toJsonPointer } from '../../definitions/core/paths.js';
import { fileLimits } from '../../definitions/validation/uploads.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pick } from '../../platform/i18n/i18n.js';
import { readUploadForm } from '../../platform/uploads/multipart.js';
import { uploadPolicies } from '../submissions/draft-uploads.js';
import { findOfferedService } from '../submissions/service-offer.js';
import { SubmissionInvalidError, submitApplication } from '../submissions/submit-application.js';
import { findApplicantTimeline, findCaseByStatusToken } from '../status/status-queries.js';
import { listReleasedDocuments } from '../documents/document-queries.js';

const noCsrf = { config: { csrf: false as const } };

/** The API's routes, registered per tenant under `/api/v1`. */
export const apiRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, packages, clock, settings } = services;

  async function offered(request: FastifyRequest, serviceId: string) {
    const offer = await findOfferedService(db, packages, request.tenant!.id, serviceId);
    if (!offer) throw new AppError('http.not_found');
    return offer;
  }

  app.get('/services', noCsrf, async (request) => {
    const rows = await db.kysely.selectFrom('tenant_services').select('service_id').where('tenant_id', '=', request.tenant!.id).where('status', '=', 'online').execute();
    return {
      services: rows
        .map((r) => packages.registry.latest(r.service_id))
        .filter((d) => d !== undefined)
        .map((d) => ({ id: d.id, version: d.version, leikaKey: d.leikaKey ?? null, name: d.name, shortDescription: d.shortDescription, href: `/api/v1/${request.tenant!.slug}/services/${d.id}` })),
    };
  });

  app.get<{ Params: { service: string } }>('/services/:service', noCsrf, async (request) => {
    const { definition } = await offered(request, request.params.service);
    return {
      id: definition.id,
      version: definition.version,
      leikaKey: definition.leikaKey ?? null,
      name: definition.name,
      description: definition.description,
      fee: definition.fee,
      processingTime: definition.processingTime,
      requiredDocuments: definition.requiredDocuments,
      dataSchema: definition.dataSchema,
    };
  });

  // Uploads a file for a later submission; the answer is the reference to put into the data.
  // The id (a random UUID) is the capability: only its holder can attach the file to a submission.
  app.post<{ Params: { service: string }; Querystring: { field?: string } }>('/services/:service/attachments', noCsrf, async (request, reply) => {
    const { definition } = await offered(request, request.params.service);
    const field = String(request.query.field ?? '');
    const limits = fileLimits(definition, field);
    if (!limits) throw new AppError('validation.failed', [{ path: 'field', message: { de: 'Bitte geben Sie mit ?field= ein Dateifeld dieses Antrags an.', en: 'Please name a file field of this application with ?field=.' } }]);
    const page = definition.pages.find((p) => p.fields.some((f) => f.id === field.split(/[.[]/)[0]))!;
    const form = await readUploadForm(request, services, {
      tenantId: request.tenant!.id,
      purpose: 'api-upload',
      fileFields: { [field]: { ...uploadPolicies(definition, page)[field]!, maxFiles: 1 } },
      application: { limitBytes: settings.uploadMaxApplicationBytes, usedBytes: 0 },
    });
    const file = form.files[0];
    if (!file) throw new AppError('upload.empty', [{ path: field, message: { de: 'Es wurde keine Datei gesendet.', en: 'No file was sent.' } }]);
    await db.withTenant(request.tenant!.id, (trx) =>
      trx
        .insertInto('files')
        .values({
          tenant_id: request.tenant!.id,
          id: file.id,
          field_path: field,
          purpose: 'application',
          storage_key: file.key,
          display_name: file.displayName,
          media_type: file.mediaType,
          size_bytes: file.size,
          sha256: file.sha256,
          created_at: clock.now(),
        })
        .execute(),
    );
    return reply.status(201).send({ id: file.id, name: file.displayName, size: file.size, mediaType: file.mediaType });
  });

  app.post<{ Params: { service: string }; Body: unknown }>('/services/:service/applications', noCsrf, async (request, reply) => {
    const offer = await offered(request, request.params.service);
    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && /^[\x21-\x7e]{8,200}$/.test(key) ? key : undefined;
    if (key !== undefined && !idempotencyKey) {
      throw new AppError('validation.failed', [{ path: 'Idempotency-Key', message: { de: 'Der Idempotency-Key muss 8 bis 200 druckbare Zeichen lang sein.', en: 'The Idempotency-Key must be 8 to 200 printable characters.' } }]);
    }
    try {
      const result = await submitApplication(
        { db, queue: services.queue, secret: services.secret, publicBaseUrl: publicBaseUrlOf(settings) },
        { tenant: request.tenant!, pkg: offer.pkg, definition: offer.definition, data: request.body, locale: request.locale, now: clock.now(), ...(idempotencyKey ? { idempotencyKey } : {}) },
      );
      const statusPath = `/${request.tenant!.slug}/status/${result.statusToken}`;
      return reply.status(result.created ? 201 : 200).send({
        reference: result.reference,
        statusToken: result.statusToken,
        statusUrl: `${publicBaseUrlOf(settings)}${statusPath}`,
        statusApi: `/api/v1/${request.tenant!.slug}/status/${result.statusToken}`,
      });
    } catch (e) {
      if (!(e instanceof SubmissionInvalidError)) throw e;
      return reply
        .status(400)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: 'urn:rathaus:error:validation.failed',
          title: request.t('api.validationFailed'),
          status: 400,
          instance: request.id,
          errors: e.errors.map((x) => ({ path: x.path, pointer: toJsonPointer(x.path), code: x.code, detail: pick(x.message, request.locale) })),
        });
    }
  });

  app.get<{ Params: { token: string } }>('/status/:token', noCsrf, async (request) => {
    const tenantId = request.tenant!.id;
    const c = await db.withTenant(tenantId, (trx) => findCaseByStatusToken(trx, tenantId, request.params.token));
    if (!c) throw new AppError('status.not_found');
    const [timeline, documents] = await db.withTenant(tenantId, async (trx) => [await findApplicantTimeline(trx, tenantId, c.id), await listReleasedDocuments(trx, tenantId, c.id)]);
    const state = packages.runtimes.get(c.serviceId, c.serviceVersion)?.workflow.states.find((s) => s.id === c.state);
    return {
      reference: c.reference,
      service: c.serviceId,
      state: { id: c.state, name: state?.applicantName ?? null, final: Boolean(state?.terminal) },
      submittedAt: c.submittedAt.toISOString(),
      timeline: timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, ...(e.state ? { state: e.state } : {}) })),
      documents: documents
        .filter((d) => d.status === 'valid')
        .map((d) => ({ id: d.id, title: d.title, sha256: d.sha256, href: `/${request.tenant!.slug}/status/${request.params.token}/dokumente/${d.id}` })),
    };
  });
};
