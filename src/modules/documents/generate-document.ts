/**
 * Generating a case's document: template → blocks → PDF on the letterhead → file storage →
 * `case_documents` row, verification code and a `document.generated` event (and, if asked, the
 * release). The slow part (rendering, storing) runs outside any transaction; the recording runs
 * in one, under the case's row lock.
 *
 * Idempotency, precisely: the *input hash* is the SHA-256 of the canonical JSON of the template
 * id and version, the case's service id and version, reference, applicant name and data, and the
 * tenant's settings for the service. When the newest document of the template's kind for the case
 * has the same input hash, nothing new is generated (a repeated or retried job, or a second
 * effect for unchanged data, finds it and at most releases it). Any change — data, template
 * version, settings — gives the next version; earlier versions stay.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Clock } from '../../app.js';
import { appendCaseEvent } from '../../platform/audit/case-events.js';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import type { Database, Trx } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { newStorageKey } from '../../platform/storage/storage-key.js';
import type { WorkflowActor } from '../../definitions/workflow/workflow-schema.js';
import { loadCase, type CaseRow } from '../cases/case-engine.js';
import type { DocumentCase, DocumentTemplate, DocumentTemplateRegistry } from './document-template.js';
import { findCaseDocument, findNewestOfKind, type CaseDocument } from './document-queries.js';
import { loadLetterhead, type LogoSource } from './letterhead.js';
import { layoutDocument } from './pdf-layout.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { releaseDocument, staffIdOf } from './release-document.js';
import { newShortCode } from './short-code.js';

/** What generating documents needs; the composition root and the job build one. */
export interface DocumentServices {
  db: Database;
  storage: FileStorage;
  clock: Clock;
  templates: DocumentTemplateRegistry;
  renderer: PdfRenderer;
  logos: LogoSource;
  /** Absolute base URL of the platform; the QR code links to `<base>/verify/<code>`. */
  publicBaseUrl: string;
  /** The tenant's settings for a service (fees, texts); default none. */
  tenantSettings?: (trx: Trx, tenantId: string, serviceId: string) => Promise<Record<string, unknown>>;
  /** Facts of the case its procedure adds besides the data (e.g. conditions from a consultation); default none. */
  documentFacts?: (trx: Trx, tenantId: string, serviceId: string, caseId: string) => Promise<Record<string, unknown>>;
}

export interface GenerateDocumentInput {
  tenantId: string;
  caseId: string;
  /** The template's id within the case's service, as the workflow names it. */
  templateId: string;
  /** Release the document at once (workflow `generateDocument { release: true }`). */
  release?: boolean;
  /** Who asked: a caseworker, or the system for automatic transitions (default). */
  actor?: WorkflowActor;
}

export interface GenerateDocumentResult {
  /** `generated`: a new version; `unchanged`: the newest version already had this input. */
  outcome: 'generated' | 'unchanged';
  document: CaseDocument;
}

/** The verification address printed on a document and encoded in its QR code. */
export function verificationUrl(publicBaseUrl: string, shortCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${shortCode}`;
}

/** The template a case's workflow names; a missing one is a deployment error, not a user error. */
export function templateFor(templates: DocumentTemplateRegistry, serviceId: string, templateId: string): DocumentTemplate {
  const template = templates.find(serviceId, templateId);
  if (!template) throw new Error(`No document template "${templateId}" is registered for service "${serviceId}"`);
  return template;
}

function documentCase(row: CaseRow): DocumentCase {
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    serviceVersion: row.service_version,
    state: row.state,
    applicantName: row.applicant_name,
    submittedAt: row.submitted_at,
    data: row.data,
  };
}

/** The input hash (see the module comment). */
export function documentInputHash(template: DocumentTemplate, c: DocumentCase, settings: Readonly<Record<string, unknown>>, facts: Readonly<Record<string, unknown>> = {}): string {
  const input = {
    template: { id: template.id, version: template.version },
    service: { id: c.serviceId, version: c.serviceVersion },
    reference: c.reference,
    applicantName: c.applicantName,
    data: c.data,
    settings,
    // Only when there are any, so documents without procedure facts keep the hash they had.
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
  };
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** Reuses the newest document when its input is the same, releasing it if asked; undefined otherwise. */
async function reuseIfUnchanged(trx: Trx, input: GenerateDocumentInput, kind: string, inputHash: string, now: Date): Promise<CaseDocument | undefined> {
  const newest = await findNewestOfKind(trx, input.tenantId, input.caseId, kind);
  if (!newest || newest.input_hash !== inputHash) return undefined;
  if (input.release && !newest.released_at) {
    await releaseDocument(trx, { tenantId: input.tenantId, caseId: input.caseId, documentId: newest.id, actor: input.actor ?? { kind: 'system' }, now });
  }
  return findCaseDocument(trx, input.tenantId, input.caseId, newest.id);
}

/** Generates (or finds, when unchanged) the case's document from the named template. */
export async function generateCaseDocument(services: DocumentServices, input: GenerateDocumentInput): Promise<GenerateDocumentResult> {
  const { db, clock } = services;
  const { tenantId, caseId } = input;
  const actor = input.actor ?? { kind: 'system' };

  const prepared = await db.withTenant(tenantId, async (trx) => {
    const row = await loadCase(trx, tenantId, caseId, { forUpdate: false });
    const template = templateFor(services.templates, row.service_id, input.templateId);
    const settings = (await services.tenantSettings?.(trx, tenantId, row.service_id)) ?? {};
    const facts = (await services.documentFacts?.(trx, tenantId, row.service_id, row.id)) ?? {};
    const caseData = documentCase(row);
    const inputHash = documentInputHash(template, caseData, settings, facts);
    const existing = await reuseIfUnchanged(trx, input, template.kind, inputHash, clock.now());
    if (existing) return { existing };
    return { template, settings, facts, caseData, inputHash, letterhead: await loadLetterhead(trx, tenantId, services.logos) };
  });
  if ('existing' in prepared) return { outcome: 'unchanged', document: prepared.existing! };

  const { template, settings, facts, caseData, inputHash, letterhead } = prepared;
  const issuedAt = clock.now();
  const shortCode = newShortCode();
  const content = template.build(caseData, letterhead, { issuedAt, settings, facts });
  const pdf = await services.renderer.render(
    layoutDocument({ letterhead, title: template.title.de, reference: caseData.reference, issuedAt, content, verification: { shortCode, url: verificationUrl(services.publicBaseUrl, shortCode) } }),
  );
  const { key, id: documentId } = newStorageKey(tenantId, 'documents');
  const stored = await services.storage.put(key, Readable.from([pdf]));

  let recorded: GenerateDocumentResult;
  try {
    recorded = await db.withTenant(tenantId, async (trx) => {
      // The case lock orders concurrent generations of one case: the second sees the first's row.
      await loadCase(trx, tenantId, caseId, { forUpdate: true });
      const existing = await reuseIfUnchanged(trx, input, template.kind, inputHash, issuedAt);
      if (existing) return { outcome: 'unchanged' as const, document: existing };
      const newest = await findNewestOfKind(trx, tenantId, caseId, template.kind);
      const version = (newest?.version ?? 0) + 1;
      await trx
        .insertInto('case_documents')
        .values({
          tenant_id: tenantId,
          case_id: caseId,
          id: documentId,
          kind: template.kind,
          version,
          template_id: template.id,
          template_version: template.version,
          title: JSON.stringify(template.title),
          input_hash: inputHash,
          storage_key: key,
          sha256: stored.sha256,
          size_bytes: stored.size,
          short_code: shortCode,
          created_at: issuedAt,
          created_by: staffIdOf(actor),
        })
        .execute();
      await trx.insertInto('document_verifications').values({ short_code: shortCode, tenant_id: tenantId, document_id: documentId }).execute();
      await appendCaseEvent(trx, tenantId, {
        caseId,
        at: issuedAt,
        actorKind: actor.kind,
        actorId: actor.id ?? null,
        type: 'document.generated',
        data: { documentId, kind: template.kind, version, templateId: template.id, templateVersion: template.version, sha256: stored.sha256 },
      });
      if (input.release) await releaseDocument(trx, { tenantId, caseId, documentId, actor, now: issuedAt });
      return { outcome: 'generated' as const, document: (await findCaseDocument(trx, tenantId, caseId, documentId))! };
    });
  } catch (e) {
    await services.storage.delete(key).catch(() => {});
    throw e;
  }
  // Another run recorded the same input first: this run's file is not referenced by any row.
  if (recorded.outcome === 'unchanged') await services.storage.delete(key).catch(() => {});
  return recorded;
}
