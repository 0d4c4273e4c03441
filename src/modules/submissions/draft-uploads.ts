/**
 * Files uploaded on a form page: the multipart form is read with the field's own limits (size and
 * types checked while streaming, by content), each stored file is recorded for the draft and its
 * reference added to the answers with the field's own checks. A file the field refuses is deleted
 * again at once, so nothing unreferenced stays behind.
 */
import type { FastifyRequest } from 'fastify';
import type { Settings } from '../../config/settings.js';
import type { Trx } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { UploadFieldPolicy, UploadForm } from '../../platform/uploads/multipart.js';
import { readUploadForm } from '../../platform/uploads/multipart.js';
import type { VirusScanner } from '../../platform/uploads/scanners/virus-scanner.js';
import { uploadTypes, type UploadTypeId } from '../../platform/uploads/upload-types.js';
import type { JsonObject, SubmissionData } from '../../definitions/core/json.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import type { PageSpec } from '../../definitions/model/service-definition.js';
import { addUploadedFile, fileLimits } from '../../definitions/validation/uploads.js';
import type { ValidationError } from '../../definitions/validation/validate.js';
import type { DraftRecord } from './draft-store.js';

const typeByMediaType = new Map<string, UploadTypeId>(Object.entries(uploadTypes).map(([id, t]) => [t.mediaType, id as UploadTypeId]));

/** The file fields of a page with their upload policies, keyed by input name (the data path). */
export function uploadPolicies(definition: ServiceDefinition, page: PageSpec): Record<string, UploadFieldPolicy> {
  const policies: Record<string, UploadFieldPolicy> = {};
  for (const field of page.fields) {
    const limits = fileLimits(definition, field.id);
    if (!limits) continue;
    const allowedTypes = limits.accept.map((m) => typeByMediaType.get(m)).filter((t): t is UploadTypeId => t !== undefined);
    policies[field.id] = { maxFileBytes: limits.maxSizeBytes, allowedTypes, maxFiles: limits.maxFiles };
  }
  return policies;
}

/** Bytes already stored for the draft (the per-application limit counts them). */
export async function draftUsedBytes(trx: Trx, draft: Pick<DraftRecord, 'tenantId' | 'id'>): Promise<number> {
  const row = await trx
    .selectFrom('files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('used'))
    .where('tenant_id', '=', draft.tenantId)
    .where('draft_id', '=', draft.id)
    .executeTakeFirstOrThrow();
  return Number(row.used);
}

/** Reads a multipart page post; the form's own CSRF check runs inside (see readUploadForm). */
export async function readPagePost(
  request: FastifyRequest,
  deps: { storage: FileStorage; scanner: VirusScanner; settings: Settings; secret: string },
  draft: Pick<DraftRecord, 'tenantId'>,
  policies: Record<string, UploadFieldPolicy>,
  usedBytes: number,
): Promise<UploadForm> {
  return readUploadForm(request, deps, {
    tenantId: draft.tenantId,
    purpose: 'draft-upload',
    fileFields: policies,
    application: { limitBytes: deps.settings.uploadMaxApplicationBytes, usedBytes },
    csrfSecret: deps.secret,
  });
}

/** Records uploaded files for the draft and adds them to the answers; refused files are removed. */
export async function attachUploads(
  trx: Trx,
  storage: FileStorage,
  definition: ServiceDefinition,
  draft: Pick<DraftRecord, 'tenantId' | 'id'>,
  data: JsonObject,
  files: UploadForm['files'],
  now: Date,
): Promise<{ data: SubmissionData; errors: ValidationError[] }> {
  let current: SubmissionData = data;
  const errors: ValidationError[] = [];
  for (const file of files) {
    const added = addUploadedFile(definition, file.field, current, { id: file.id, name: file.displayName, size: file.size, mediaType: file.mediaType }, { now });
    if (!added.ok) {
      errors.push(...added.errors);
      await storage.delete(file.key);
      continue;
    }
    await trx
      .insertInto('files')
      .values({
        tenant_id: draft.tenantId,
        id: file.id,
        draft_id: draft.id,
        field_path: file.field,
        purpose: 'application',
        storage_key: file.key,
        display_name: file.displayName,
        media_type: file.mediaType,
        size_bytes: file.size,
        sha256: file.sha256,
        created_at: now,
      })
      .execute();
    current = added.data;
  }
  return { data: current, errors };
}

/** Removes a file of the draft (the applicant pressed "Entfernen"); unknown ids do nothing. */
export async function removeDraftFile(trx: Trx, storage: FileStorage, draft: Pick<DraftRecord, 'tenantId' | 'id'>, fileId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(fileId)) return;
  const row = await trx
    .deleteFrom('files')
    .where('tenant_id', '=', draft.tenantId)
    .where('draft_id', '=', draft.id)
    .where('id', '=', fileId)
    .returning('storage_key')
    .executeTakeFirst();
  if (row) await storage.delete(row.storage_key);
}
