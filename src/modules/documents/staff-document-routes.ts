/**
 * Staff routes for a case's documents, below `/{tenant}/staff` (registered through
 * `tenantStaffScoped`, so the role in this tenant is checked first and other tenants' staff get
 * 404): download any version, and release one to the applicant. The back-office case page lists
 * the documents with `listCaseDocuments` and links here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../app.js';
import { requireStaff } from '../../platform/auth/policies.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { sendDocumentFile } from './document-download.js';
import { findDocumentWithReference } from './document-queries.js';
import { releaseDocument } from './release-document.js';

export interface StaffDocumentDeps {
  db: Database;
  storage: FileStorage;
  clock: Clock;
}

type DocumentParams = { Params: { caseId: string; documentId: string } };

/** The path of a document's routes, e.g. for links on the case page. */
export function staffDocumentPath(tenantSlug: string, caseId: string, documentId: string): string {
  return `/${tenantSlug}/staff/vorgaenge/${caseId}/dokumente/${documentId}`;
}

/** Routes below /:tenant/staff. */
export const staffDocumentRoutes: FastifyPluginAsync<StaffDocumentDeps> = async (app, deps) => {
  app.get<DocumentParams & { Querystring: { anzeigen?: string } }>('/vorgaenge/:caseId/dokumente/:documentId', async (request, reply) => {
    const tenant = request.tenant!;
    const found = await deps.db.withTenant(tenant.id, (trx) => findDocumentWithReference(trx, tenant.id, request.params.documentId));
    if (!found || found.document.caseId !== request.params.caseId) throw new AppError('document.not_found');
    return sendDocumentFile(reply, deps.storage, found.document, found.reference, { inline: request.query.anzeigen === '1' });
  });

  app.post<DocumentParams>('/vorgaenge/:caseId/dokumente/:documentId/freigeben', async (request, reply) => {
    const staff = requireStaff(request);
    const tenant = request.tenant!;
    const { caseId, documentId } = request.params;
    await deps.db.withTenant(tenant.id, (trx) =>
      releaseDocument(trx, { tenantId: tenant.id, caseId, documentId, actor: { kind: 'caseworker', id: staff.userId }, now: deps.clock.now() }),
    );
    // Back to the case page, at its documents panel.
    return reply.redirect(`/${tenant.slug}/staff/vorgaenge/${caseId}#panel-documents`, 303);
  });
};
