/**
 * Serving a stored file to a browser (standards-security B7.5, T14): as a download by default,
 * with the exact name (RFC 6266), `nosniff` so the browser never second-guesses the type, a
 * CSP that gives the response no power (`default-src 'none'`, sandboxed), and no caching by
 * shared caches. Inline display is for types browsers show safely (images, PDF, text).
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { StorageNotFoundError, StorageUnavailableError, type FileStorage } from '../storage/file-storage.js';
import { contentDisposition } from './content-disposition.js';
import type { StoredUpload } from './receive-upload.js';

const INLINE_SAFE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

/** The response headers for a stored file; exported for callers that stream it themselves. */
export function storedFileHeaders(file: Pick<StoredUpload, 'displayName' | 'mediaType' | 'size'>, options: { inline?: boolean } = {}): Record<string, string> {
  const inline = options.inline === true && INLINE_SAFE.has(file.mediaType);
  // `sandbox` also stops scripts inside rendered documents; Chrome's PDF viewer refuses to render
  // in a sandboxed document, so inline PDFs get the rest of the policy without it.
  const sandbox = inline && file.mediaType === 'application/pdf' ? '' : '; sandbox';
  return {
    'content-type': file.mediaType,
    'content-length': String(file.size),
    'content-disposition': contentDisposition(file.displayName, { inline }),
    'x-content-type-options': 'nosniff',
    'content-security-policy': `default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'${sandbox}`,
    'cache-control': 'private, no-store',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * Streams the file from storage with the safe headers. The caller has already checked that the
 * requester may see it (tenant, case, link). Unknown key → 404; storage down → 503.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  storage: FileStorage,
  file: Pick<StoredUpload, 'key' | 'displayName' | 'mediaType' | 'size'>,
  options: { inline?: boolean } = {},
): Promise<FastifyReply> {
  let content;
  try {
    content = await storage.get(file.key);
  } catch (e) {
    if (e instanceof StorageNotFoundError) throw new AppError('http.not_found', [], { cause: e });
    if (e instanceof StorageUnavailableError) throw new AppError('http.unavailable', [], { cause: e, retryAfterSeconds: 60 });
    throw e;
  }
  return reply.headers(storedFileHeaders(file, options)).send(content);
}
