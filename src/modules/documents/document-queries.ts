/**
 * Reading a case's documents, for the back office (every version), the applicant's status page
 * (what was released and still stands) and downloads. Every query runs in the caller's tenant
 * transaction and names the tenant, so another tenant's document is simply not found.
 */
import type { Selectable } from 'kysely';
import type { Trx } from '../../platform/db/database.js';
import type { CaseDocumentsTable, Localized } from '../../platform/db/schema.js';
import { isUuid } from '../cases/case-engine.js';

/**
 * Where a document stands: `unreleased` (generated, not yet issued), `valid` (released and in
 * force), `superseded` (a newer version of the same kind was released since), `revoked`.
 */
export type DocumentStatus = 'unreleased' | 'valid' | 'superseded' | 'revoked';

export interface CaseDocument {
  id: string;
  tenantId: string;
  caseId: string;
  kind: string;
  /** 1, 2, … per case and kind. */
  version: number;
  templateId: string;
  templateVersion: number;
  title: Localized;
  status: DocumentStatus;
  /** SHA-256 of the PDF, lowercase hex. */
  sha256: string;
  sizeBytes: number;
  shortCode: string;
  storageKey: string;
  inputHash: string;
  createdAt: Date;
  createdBy: string | null;
  releasedAt: Date | null;
  releasedBy: string | null;
  revokedAt: Date | null;
}

type Row = Selectable<CaseDocumentsTable>;

/** The status of `row` among all documents of its case. */
function statusAmong(row: Row, caseRows: readonly Row[]): DocumentStatus {
  if (row.revoked_at) return 'revoked';
  if (!row.released_at) return 'unreleased';
  const replaced = caseRows.some((other) => other.kind === row.kind && other.version > row.version && other.released_at !== null);
  return replaced ? 'superseded' : 'valid';
}

function toDocument(row: Row, caseRows: readonly Row[]): CaseDocument {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    caseId: row.case_id,
    kind: row.kind,
    version: row.version,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    status: statusAmong(row, caseRows),
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    shortCode: row.short_code,
    storageKey: row.storage_key,
    inputHash: row.input_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
    revokedAt: row.revoked_at,
  };
}

async function caseRows(trx: Trx, tenantId: string, caseId: string): Promise<Row[]> {
  if (!isUuid(caseId)) return [];
  return trx
    .selectFrom('case_documents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('kind')
    .orderBy('version', 'desc')
    .execute();
}

/** Every document of a case, every version, grouped by kind with the newest version first (back office). */
export async function listCaseDocuments(trx: Trx, tenantId: string, caseId: string): Promise<CaseDocument[]> {
  const rows = await caseRows(trx, tenantId, caseId);
  return rows.map((r) => toDocument(r, rows));
}

/** The documents the applicant may see and download: released, neither revoked nor superseded (status page). */
export async function listReleasedDocuments(trx: Trx, tenantId: string, caseId: string): Promise<CaseDocument[]> {
  return (await listCaseDocuments(trx, tenantId, caseId)).filter((d) => d.status === 'valid');
}

/** One document of a case, or undefined (also for malformed ids and other tenants' documents). */
export async function findCaseDocument(trx: Trx, tenantId: string, caseId: string, documentId: string): Promise<CaseDocument | undefined> {
  if (!isUuid(documentId)) return undefined;
  return (await listCaseDocuments(trx, tenantId, caseId)).find((d) => d.id === documentId);
}

/** One document the applicant may download, or undefined (status page downloads). */
export async function findReleasedDocument(trx: Trx, tenantId: string, caseId: string, documentId: string): Promise<CaseDocument | undefined> {
  const doc = await findCaseDocument(trx, tenantId, caseId, documentId);
  return doc?.status === 'valid' ? doc : undefined;
}

/** The newest version of a kind for a case, or undefined when the case has none of that kind yet. */
export async function findNewestOfKind(trx: Trx, tenantId: string, caseId: string, kind: string) {
  return trx
    .selectFrom('case_documents')
    .select(['id', 'version', 'input_hash', 'released_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A document by id within a tenant, with its case's reference (downloads name the file after it; the verification page knows no case). */
export async function findDocumentWithReference(trx: Trx, tenantId: string, documentId: string): Promise<{ document: CaseDocument; reference: string } | undefined> {
  if (!isUuid(documentId)) return undefined;
  const row = await trx
    .selectFrom('case_documents as d')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.id', '=', 'd.case_id'))
    .select(['d.case_id', 'c.reference'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const document = await findCaseDocument(trx, tenantId, row.case_id, documentId);
  return document ? { document, reference: row.reference } : undefined;
}
