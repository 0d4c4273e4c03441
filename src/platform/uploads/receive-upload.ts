/**
 * The upload pipeline: one file from the request into storage, or a clear refusal and nothing
 * stored. Steps, all while the file streams in (nothing is held whole in memory):
 *
 * 1. the display name is sanitised (display only; the key is generated);
 * 2. UploadInspector counts bytes against the per-field and per-application limits and refuses
 *    at the first byte over; it recognises the type by magic bytes and refuses a type that is not
 *    allowed, or a name ending that claims another type;
 * 3. storage.put stages the content; before it becomes visible under its key (beforeCommit) the
 *    virus scanner reads it; infected, unscannable or scanner down ⇒ refused, staging discarded.
 *
 * Only when `receiveUpload` resolves is the file stored; the caller then records it (files table).
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.js';
import { StorageUnavailableError, type FileStorage } from '../storage/file-storage.js';
import { newStorageKey } from '../storage/storage-key.js';
import { sanitizeDisplayName } from './display-name.js';
import { applicationTooLarge, emptyFile, fileTooLarge, refusedFile, typeMismatch, typeNotAllowed } from './upload-errors.js';
import { UploadInspector } from './upload-inspector.js';
import { ScanFailedError, ScannerUnavailableError, isLimitsExceeded, type VirusScanner } from './scanners/virus-scanner.js';
import { claimedExtension, uploadTypes, type UploadTypeId } from './upload-types.js';

/** A file as it arrives, e.g. a @fastify/multipart file part. */
export interface UploadSource {
  /** The bytes as they arrive. */
  stream: Readable;
  /** The name the browser sent (untrusted; display only). */
  filename: string | undefined;
  /** True when the multipart parser cut the stream at its own limit (then the file counts as too large). */
  truncated?: () => boolean;
}

/** What a field accepts and where the file goes. */
export interface UploadPolicy {
  tenantId: string;
  /** Storage key purpose, lower-case with dashes, e.g. `draft-upload`. */
  purpose: string;
  /** The form field path, used in error messages. */
  field: string;
  maxFileBytes: number;
  allowedTypes: readonly UploadTypeId[];
  /** The per-application limit and what the application's files already use. */
  application?: { limitBytes: number; usedBytes: number };
}

/** A stored upload; the caller keeps these fields (files table: id, storage_key, display_name, media_type, size_bytes, sha256). */
export interface StoredUpload {
  /** The UUID in the key; use it as the file's id. */
  id: string;
  key: string;
  displayName: string;
  size: number;
  mediaType: string;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
}

/** What the pipeline needs; AppServices provides both. */
export interface UploadDeps {
  storage: FileStorage;
  scanner: VirusScanner;
  /** Refusals are logged here (code, field, tenant, detected type or signature; never the content). */
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** Streams one file through the checks into storage; throws an AppError naming the field when refused. */
export async function receiveUpload(deps: UploadDeps, source: UploadSource, policy: UploadPolicy): Promise<StoredUpload> {
  const { field } = policy;
  const displayName = sanitizeDisplayName(source.filename);
  const remaining = policy.application ? policy.application.limitBytes - policy.application.usedBytes : Number.POSITIVE_INFINITY;
  const applicationBinds = remaining < policy.maxFileBytes;

  const inspector = new UploadInspector({
    limitBytes: Math.max(0, Math.min(policy.maxFileBytes, remaining)),
    tooLarge: () =>
      applicationBinds ? applicationTooLarge(field, policy.application!.limitBytes) : fileTooLarge(field, displayName, policy.maxFileBytes),
    notText: () => typeNotAllowed(field, displayName, policy.allowedTypes),
    accept: (detected) => {
      if (!detected.type || !policy.allowedTypes.includes(detected.type)) throw typeNotAllowed(field, displayName, policy.allowedTypes);
      const claimed = claimedExtension(displayName);
      const fits: readonly string[] = uploadTypes[detected.type].extensions;
      if (claimed && !fits.includes(claimed)) throw typeMismatch(field, displayName, detected.type, claimed);
      return detected.type;
    },
  });

  const { key, id } = newStorageKey(policy.tenantId, policy.purpose);
  // Errors of either side reach storage.put through the inspector; this pipeline only connects them.
  pipeline(source.stream, inspector).catch(() => {});
  let signature: string | undefined;
  try {
    const stored = await deps.storage.put(key, inspector, {
      beforeCommit: async (staged) => {
        if (source.truncated?.()) throw fileTooLarge(field, displayName, policy.maxFileBytes);
        if (staged.size === 0) throw emptyFile(field, displayName);
        const verdict = await deps.scanner.scan(staged.open());
        if (!verdict.clean) {
          signature = verdict.signature;
          throw isLimitsExceeded(verdict) ? refusedFile('upload.scan_failed', field, displayName) : refusedFile('upload.infected', field, displayName);
        }
      },
    });
    return { id, key, displayName, size: stored.size, mediaType: uploadTypes[inspector.type!].mediaType, sha256: stored.sha256 };
  } catch (e) {
    const error = asUploadError(e, field, displayName);
    if (error instanceof AppError) {
      const level = error.code === 'upload.infected' || error.code.endsWith('_unavailable') ? 'warn' : 'info';
      deps.log?.[level]({ code: error.code, tenantId: policy.tenantId, field, found: inspector.found || undefined, signature }, 'upload refused');
    }
    throw error;
  }
}

/** Maps scanner and storage failures onto catalogue errors; anything else (e.g. the client went away) passes through. */
function asUploadError(e: unknown, field: string, displayName: string): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof ScannerUnavailableError) return refusedFile('upload.scanner_unavailable', field, displayName, e);
  if (e instanceof ScanFailedError) return refusedFile('upload.scan_failed', field, displayName, e);
  if (e instanceof StorageUnavailableError) return refusedFile('upload.storage_unavailable', field, displayName, e);
  return e;
}
