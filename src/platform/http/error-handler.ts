/**
 * Turns every error into a response that names no internals: an HTML error page for browsers,
 * an RFC 9457 problem document for the API (`/api/…` or `Accept: application/json`).
 * Unexpected errors are logged with the request id; the user sees the catalogue text only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, type ErrorCode, type FieldError } from '../errors/app-error.js';
import { pick } from '../i18n/i18n.js';

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Maps framework errors (body too large, bad JSON, …) onto catalogue codes. */
function codeFor(error: FastifyError | AppError): ErrorCode {
  if (error instanceof AppError) return error.code;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'http.payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'http.unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_VALIDATION':
      return 'http.bad_request';
    default:
      break;
  }
  if (error.statusCode === 413) return 'http.payload_too_large';
  if (error.statusCode === 415) return 'http.unsupported_media_type';
  if (error.statusCode === 404) return 'http.not_found';
  if (error.statusCode === 405) return 'http.method_not_allowed';
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429) return 'http.bad_request';
  if (error.statusCode === 429) return 'auth.throttled';
  return 'http.internal';
}

/** Sends the error response for a catalogue code. */
export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fieldErrors: FieldError[] = [], retryAfter?: number) {
  const entry = errorCatalogue[code];
  const title = pick(entry.title, request.locale);
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  reply.status(entry.status).header('cache-control', 'no-store');
  if (wantsJson(request)) {
    return reply.type('application/problem+json; charset=utf-8').send({
      type: `urn:rathaus:error:${code}`,
      title,
      status: entry.status,
      instance: request.id,
      ...(fieldErrors.length > 0 ? { errors: fieldErrors.map((f) => ({ path: f.path, detail: pick(f.message, request.locale) })) } : {}),
    });
  }
  return reply.view('platform/views/error', { title, code, status: entry.status, requestId: request.id });
}

/** Installs the error and not-found handlers. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'http.not_found'));
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const code = codeFor(error);
    if (code === 'http.internal') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code }, 'request refused');
    const fieldErrors = error instanceof AppError ? error.fieldErrors : [];
    const retryAfter = error instanceof AppError ? error.retryAfterSeconds : undefined;
    return sendError(request, reply, code, fieldErrors, retryAfter);
  });
}
