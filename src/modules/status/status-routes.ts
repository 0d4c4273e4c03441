/**
 * The applicant's status page (`/{tenant}/status/{token}`), reached by the private link from the
 * confirmation and the e-mail: the state in plain language, what happened so far, the documents
 * released to the applicant, and the office's contact. The link is the only key: no login, no
 * cookie (it works inside the embedding iframe too); it is never logged and can be replaced.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatDate, formatDateTime, pick } from '../../platform/i18n/i18n.js';
import { sendDocumentFile } from '../documents/document-download.js';
import { findReleasedDocument, listReleasedDocuments } from '../documents/document-queries.js';
import { applicantRequestViews } from '../requests/applicant-request-view.js';
import { listCaseRequests } from '../requests/request-queries.js';
import { findApplicantTimeline, findCaseByStatusToken, type StatusCase } from './status-queries.js';

type StatusParams = { token: string };

/** The CSRF binding of pages below a status link: the link itself (its hash), so forms work in the iframe without cookies. */
export function statusCsrfBinding(token: string): string {
  return `status:${createHash('sha256').update(token).digest('base64url')}`;
}

/** Routes of the status page, registered per tenant. */
export const statusRoutes: FastifyPluginAsync<AppServices> = async (app, services) => {
  const { db, packages } = services;

  app.addHook('onRequest', async (request, reply) => {
    const token = (request.params as Partial<StatusParams>).token;
    if (token) request.csrfBinding = statusCsrfBinding(token);
    // The URL holds the secret: never send it onwards as a referrer.
    reply.header('referrer-policy', 'no-referrer');
  });

  async function openCase(request: FastifyRequest<{ Params: StatusParams }>): Promise<StatusCase> {
    const found = await db.withTenant(request.tenant!.id, (trx) => findCaseByStatusToken(trx, request.tenant!.id, request.params.token));
    if (!found) throw new AppError('status.not_found');
    return found;
  }

  app.get<{ Params: StatusParams }>('/status/:token', async (request, reply) => {
    const c = await openCase(request);
    const tenant = request.tenant!;
    const definition = packages.registry.get(c.serviceId, c.serviceVersion);
    const workflow = packages.runtimes.get(c.serviceId, c.serviceVersion)?.workflow;
    const stateName = (id: string | undefined) => {
      const state = workflow?.states.find((s) => s.id === id);
      return state ? pick(state.applicantName, request.locale) : (id ?? '');
    };
    const href = `/${tenant.slug}/status/${request.params.token}`;
    const statusPage = packages.get(c.serviceId)?.statusPage;
    const [timeline, documents, requests, sections] = await db.withTenant(tenant.id, async (trx) => [
      await findApplicantTimeline(trx, tenant.id, c.id),
      await listReleasedDocuments(trx, tenant.id, c.id),
      await listCaseRequests(trx, tenant.id, c.id),
      statusPage
        ? await statusPage({ trx, tenantId: tenant.id, tenantSlug: tenant.slug, caseId: c.id, serviceVersion: c.serviceVersion, state: c.state, statusPath: href, locale: request.locale, t: request.t, now: services.clock.now() })
        : [],
    ] as const);
    return reply.view('modules/status/views/status', {
      title: request.t('status.title'),
      serviceName: definition ? pick(definition.name, request.locale) : c.serviceId,
      reference: c.reference,
      submitted: formatDate(c.submittedAt, request.locale),
      stateName: stateName(c.state),
      finished: Boolean(workflow?.states.find((s) => s.id === c.state)?.terminal),
      sections,
      requests: applicantRequestViews(requests, { tenantSlug: tenant.slug, token: request.params.token, locale: request.locale, t: request.t, now: services.clock.now(), maxFileBytes: services.settings.uploadMaxFileBytes }),
      processingTime: definition ? pick(definition.processingTime, request.locale) : null,
      timeline: timeline
        .slice()
        .reverse()
        .map((e) => ({
          at: formatDateTime(e.at, request.locale),
          iso: e.at.toISOString(),
          text:
            e.kind === 'state'
              ? request.t('status.event.state', { state: stateName(e.state) })
              : e.title
                ? request.t(`status.event.${e.kind}Titled`, { title: pick(e.title, request.locale) })
                : request.t(`status.event.${e.kind}`),
        })),
      documents: documents
        .filter((d) => d.status === 'valid')
        .map((d) => ({ title: pick(d.title, request.locale), date: formatDate(d.releasedAt ?? d.createdAt, request.locale), href: `${href}/dokumente/${d.id}` })),
      contact: {
        name: tenant.officialName,
        lines: [tenant.address.street, `${tenant.address.postalCode} ${tenant.address.town}`],
        phone: tenant.phone,
        email: tenant.email,
      },
    });
  });

  app.get<{ Params: StatusParams & { documentId: string } }>('/status/:token/dokumente/:documentId', async (request, reply) => {
    const c = await openCase(request);
    if (!/^[0-9a-f-]{36}$/.test(request.params.documentId)) throw new AppError('http.not_found');
    const doc = await db.withTenant(request.tenant!.id, (trx) => findReleasedDocument(trx, request.tenant!.id, c.id, request.params.documentId));
    if (!doc || doc.status !== 'valid') throw new AppError('http.not_found');
    return sendDocumentFile(reply, services.storage, doc, c.reference);
  });
};
