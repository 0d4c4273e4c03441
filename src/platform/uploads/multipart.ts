/**
 * Multipart form handling for routes that take uploads. `registerMultipart` installs
 * @fastify/multipart once (in createApp); a route then calls `readUploadForm` with its own
 * limits (per field, per application), which reads the text fields and streams each file
 * through `receiveUpload`. Nothing is parsed before the handler asks, so limits are per route.
 *
 * CSRF: a multipart body cannot be read before the handler runs, so the platform's CSRF hook
 * cannot see a `_csrf` field in it. Upload routes therefore declare `config: { csrf: false }`
 * and pass `csrfSecret`: then the origin check runs first and `_csrf` must arrive before the
 * first file (forms put the hidden field first), so no byte of a file is stored for a forged
 * request.
 */
import type { IncomingMessage } from 'node:http';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { AppError } from '../errors/app-error.js';
import { csrfTokenMatches, isCrossSiteRequest } from '../http/csrf.js';
import { anonymousBinding } from '../http/request-context.js';
import { receiveUpload, type StoredUpload, type UploadDeps } from './receive-upload.js';
import { applicationTooLarge } from './upload-errors.js';
import type { UploadTypeId } from './upload-types.js';

/** Room for text fields and multipart boundaries on top of the files, for the early Content-Length check. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** After a refusal, up to this much of the rest of the body is read and discarded, so a client that sends a little too much still gets to read the answer. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;
/** …and the connection is closed this long after a refusal whose body has not ended by then. */
const DRAIN_GRACE_MS = 10_000;

/** What one file field accepts. */
export interface UploadFieldPolicy {
  maxFileBytes: number;
  allowedTypes: readonly UploadTypeId[];
  /** How many files the field takes (default 1). */
  maxFiles?: number;
}

export interface UploadFormOptions {
  tenantId: string;
  /** Storage key purpose, e.g. `draft-upload`. */
  purpose: string;
  /** The fields that take files, by form field name; a file under any other name is refused. */
  fileFields: Record<string, UploadFieldPolicy>;
  /** The per-application limit and what the application's stored files already use. */
  application: { limitBytes: number; usedBytes: number };
  /** Text fields: how many (default 200) and how long each (default 100 000 bytes). */
  maxFields?: number;
  maxFieldBytes?: number;
  /** When set, the `_csrf` field is checked here (route declares `config: { csrf: false }`); see the module comment. */
  csrfSecret?: string;
}

/** A stored file and the field it came in. */
export interface ReceivedFile extends StoredUpload {
  field: string;
}

export interface UploadForm {
  /** Text fields by name, in the order sent (`_csrf` excluded). */
  fields: Record<string, string[]>;
  files: ReceivedFile[];
}

/** Registers @fastify/multipart with conservative defaults, and the bounded discarding of refused bodies. */
export async function registerMultipart(app: FastifyInstance, settings: Pick<Settings, 'uploadMaxFileBytes'>): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fieldNameSize: 200, fieldSize: 100_000, fields: 200, files: 20, parts: 300, headerPairs: 20, fileSize: settings.uploadMaxFileBytes + 1 },
    // Size limits are enforced by receiveUpload while streaming; a cut stream is also caught there.
    throwFileSizeLimit: false,
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.isMultipart() && !request.raw.complete) discardRestOfBody(request.raw);
    return payload;
  });
}

/**
 * A refused upload answers before its body has arrived. Reading on (and throwing the bytes
 * away) up to DRAIN_LIMIT_BYTES lets the client finish sending and read the answer on a
 * connection that stays usable; beyond that, reading stops and the connection is closed after
 * a grace period, so a client cannot make the server read an endless body.
 */
function discardRestOfBody(raw: IncomingMessage): void {
  // Already read to its end (an injected request never sets `complete`): nothing to discard, and
  // a timer here would never be cleared.
  if (raw.readableEnded) return;
  let discarded = 0;
  // Destroying the request destroys its socket (and works on an injected request, which has none).
  const timer = setTimeout(() => raw.destroy(), DRAIN_GRACE_MS);
  timer.unref();
  const settled = () => clearTimeout(timer);
  raw.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DRAIN_LIMIT_BYTES) raw.pause();
  });
  raw.once('end', settled);
  raw.once('close', settled);
  // The multipart parser may still be attached after a refusal; it must not hold the stream back.
  raw.unpipe();
  raw.resume();
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Reads a multipart form: text fields, and every file streamed through receiveUpload. On any refusal, files already stored by this request are deleted. */
export async function readUploadForm(request: FastifyRequest, deps: UploadDeps, options: UploadFormOptions): Promise<UploadForm> {
  if (!request.isMultipart()) throw new AppError('http.unsupported_media_type');
  const fileFieldNames = Object.keys(options.fileFields);
  const { limitBytes, usedBytes } = options.application;
  const declared = Number(request.headers['content-length']);
  // Refuse before reading anything when the declared body already exceeds what is left.
  if (Number.isFinite(declared) && declared > limitBytes - usedBytes + FORM_OVERHEAD_BYTES) {
    throw applicationTooLarge(fileFieldNames[0] ?? 'files', limitBytes);
  }
  let csrfChecked = options.csrfSecret === undefined;
  if (!csrfChecked && isCrossSiteRequest(request)) throw new AppError('csrf.invalid');

  const maxFields = options.maxFields ?? 200;
  const policies = Object.values(options.fileFields);
  const maxFiles = sum(policies.map((p) => p.maxFiles ?? 1));
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const files: ReceivedFile[] = [];
  const parts = request.parts({
    limits: {
      fields: maxFields + 1,
      fieldSize: options.maxFieldBytes ?? 100_000,
      // Browsers send an empty part for each file input left empty, hence the extra per field.
      files: maxFiles + fileFieldNames.length,
      parts: maxFields + 1 + maxFiles + fileFieldNames.length,
      // One byte above the largest field limit, so receiveUpload (not the parser) sees the first byte too many.
      fileSize: Math.max(0, ...policies.map((p) => p.maxFileBytes)) + 1,
    },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') throw new AppError('http.bad_request', [fieldMessage(part.fieldname, 'kein Text', 'not text')]);
        if (part.valueTruncated) throw new AppError('http.payload_too_large', [fieldMessage(part.fieldname, 'zu lang', 'too long')]);
        if (part.fieldname === '_csrf' && options.csrfSecret !== undefined) {
          const binding = request.csrfBinding ?? anonymousBinding(request);
          if (!binding || !csrfTokenMatches(options.csrfSecret, binding, part.value)) throw new AppError('csrf.invalid');
          csrfChecked = true;
          continue;
        }
        (fields[part.fieldname] ??= []).push(part.value);
        continue;
      }
      if (!csrfChecked) throw new AppError('csrf.invalid');
      const policy = options.fileFields[part.fieldname];
      if (!policy) throw new AppError('upload.unexpected_file', [fieldMessage(part.fieldname, 'keine Datei erwartet', 'no file expected')]);
      if (part.filename === '') {
        // An empty file input: nothing was chosen.
        part.file.resume();
        continue;
      }
      const inField = files.filter((f) => f.field === part.fieldname).length;
      if (inField >= (policy.maxFiles ?? 1)) {
        const max = policy.maxFiles ?? 1;
        throw new AppError('upload.too_many_files', [fieldMessage(part.fieldname, `höchstens ${max} Datei(en)`, `at most ${max} file(s)`)]);
      }
      const stored = await receiveUpload(
        deps,
        { stream: part.file, filename: part.filename, truncated: () => part.file.truncated },
        {
          tenantId: options.tenantId,
          purpose: options.purpose,
          field: part.fieldname,
          maxFileBytes: policy.maxFileBytes,
          allowedTypes: policy.allowedTypes,
          application: { limitBytes, usedBytes: usedBytes + sum(files.map((f) => f.size)) },
        },
      );
      files.push({ ...stored, field: part.fieldname });
    }
    if (!csrfChecked) throw new AppError('csrf.invalid');
    return { fields, files };
  } catch (e) {
    // Nothing of a refused request stays: no database row points at these keys yet.
    await Promise.allSettled(files.map((f) => deps.storage.delete(f.key)));
    throw e;
  }
}

function fieldMessage(path: string, de: string, en: string) {
  return { path, message: { de: `Feld „${path}“: ${de}`, en: `Field "${path}": ${en}` } };
}
