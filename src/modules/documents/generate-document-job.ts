/**
 * The `documents.generate` job: renders a case's document in the worker, so a transition only
 * enqueues it (transactional outbox) and never waits for a PDF. The payload holds ids only; the
 * handler reloads the case, and {@link generateCaseDocument} is idempotent by input hash, so a
 * retried or duplicated job adds no second version.
 */
import { Type } from '@sinclair/typebox';
import { publicBaseUrlOf } from '../../config/settings.js';
import { defineJob, UuidSchema, type JobDefinition } from '../../platform/jobs/job.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { DocumentTemplateRegistry } from './document-template.js';
import { generateCaseDocument, type DocumentServices } from './generate-document.js';
import { assetsLogoSource } from './letterhead.js';
import { createPdfRenderer } from './pdf-renderer.js';

export const GENERATE_DOCUMENT_JOB = 'documents.generate';

export const GenerateDocumentPayload = Type.Object(
  {
    tenantId: UuidSchema,
    caseId: UuidSchema,
    templateId: Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$', maxLength: 80 }),
    release: Type.Optional(Type.Boolean()),
    /** The caseworker whose act caused it; absent for the system. */
    requestedBy: Type.Optional(UuidSchema),
  },
  { additionalProperties: false },
);

export type GenerateDocumentJob = JobDefinition<typeof GenerateDocumentPayload>;

/** Declares the job over the given templates (the PDF renderer with its fonts is built once here). */
export function createGenerateDocumentJob(templates: DocumentTemplateRegistry, overrides: Partial<Pick<DocumentServices, 'logos' | 'tenantSettings'>> = {}): GenerateDocumentJob {
  const renderer = createPdfRenderer();
  const logos = overrides.logos ?? assetsLogoSource();
  return defineJob({
    name: GENERATE_DOCUMENT_JOB,
    payloadSchema: GenerateDocumentPayload,
    async handler(payload, { db, storage, clock, settings, log, packages }) {
      const result = await generateCaseDocument(
        // The procedure's settings (fees, texts) unless a test passes its own.
        { db, storage, clock, templates, renderer, logos, publicBaseUrl: publicBaseUrlOf(settings), tenantSettings: overrides.tenantSettings ?? packages.tenantSettings, documentFacts: packages.documentFacts },
        {
          tenantId: payload.tenantId,
          caseId: payload.caseId,
          templateId: payload.templateId,
          release: payload.release,
          actor: payload.requestedBy ? { kind: 'caseworker', id: payload.requestedBy } : { kind: 'system' },
        },
      );
      log.info({ outcome: result.outcome, documentId: result.document.id, version: result.document.version }, 'document generation');
    },
  });
}

/** The generate job as registered with this queue (enqueue needs the registered definition itself). */
export function registeredGenerateDocumentJob(queue: JobQueue): GenerateDocumentJob {
  const job = queue.jobs.get(GENERATE_DOCUMENT_JOB);
  if (!job) throw new Error(`Job ${GENERATE_DOCUMENT_JOB} is not registered with this queue; register createGenerateDocumentJob(...) in src/job-registry.ts`);
  return job as GenerateDocumentJob;
}
