/**
 * What the public verification page may say about a document, found by its short code alone:
 * the issuing municipality, the document type, its date and version, the case's reference
 * number and whether it stands — no applicant, no content. A document that was never released
 * was never issued to anyone, so its code answers like an unknown one.
 *
 * Comparing a copy: the uploaded PDF streams through the platform's upload checks (size, PDF by
 * content, CSRF before the first byte) into a digest-only sink that keeps nothing, and only its
 * SHA-256 is compared with the issued document's.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { StorageNotFoundError, type FileStorage } from '../../platform/storage/file-storage.js';
import { guardEarlyErrors, measuringStream } from '../../platform/storage/measure.js';
import { findDocumentWithReference, type DocumentStatus } from './document-queries.js';

export interface DocumentVerification {
  shortCode: string;
  issuer: string;
  documentType: Localized;
  issuedAt: Date;
  reference: string;
  version: number;
  status: Exclude<DocumentStatus, 'unreleased'>;
  /** For comparing an uploaded copy; not shown. */
  sha256: string;
  /** For the upload's storage policy; not shown. */
  tenantId: string;
}

/** Looks a canonical short code up across all tenants; undefined for unknown and unreleased documents. */
export async function findVerification(db: Database, shortCode: string): Promise<DocumentVerification | undefined> {
  const entry = await db.kysely
    .selectFrom('document_verifications as v')
    .innerJoin('tenants as t', 't.id', 'v.tenant_id')
    .select(['v.tenant_id', 'v.document_id', 't.official_name'])
    .where('v.short_code', '=', shortCode)
    .where('t.active', '=', true)
    .executeTakeFirst();
  if (!entry) return undefined;
  const found = await db.withTenant(entry.tenant_id, (trx) => findDocumentWithReference(trx, entry.tenant_id, entry.document_id));
  if (!found || found.document.status === 'unreleased') return undefined;
  const { document } = found;
  return {
    shortCode,
    issuer: entry.official_name,
    documentType: document.title,
    issuedAt: document.createdAt,
    reference: found.reference,
    version: document.version,
    status: document.status as DocumentVerification['status'],
    sha256: document.sha256,
    tenantId: entry.tenant_id,
  };
}

/**
 * A FileStorage that keeps nothing: `put` reads the content to its end and reports its size and
 * SHA-256. Its staged content cannot be read again, so use it with the `off` scanner only.
 */
export function createDigestOnlyStorage(): FileStorage {
  return {
    id: 'digest-only',
    async put(_key, content, options = {}) {
      guardEarlyErrors(content);
      const meter = measuringStream();
      await pipeline(content, meter, new Writable({ write: (_chunk, _encoding, callback) => callback() }));
      const measured = meter.result();
      await options.beforeCommit?.({ ...measured, open: () => Readable.from([]) });
      return measured;
    },
    async get(key) {
      throw new StorageNotFoundError(key);
    },
    stat: async () => undefined,
    delete: async () => {},
    exists: async () => false,
    selfCheck: async () => ({ ok: true, detail: 'digest-only: keeps nothing' }),
  };
}
