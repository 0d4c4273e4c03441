/**
 * The public verification page, `/verify/:code`, reached from a document's QR code or by typing
 * its short code at `/verify`. Police or another office see who issued the document, its type,
 * date, reference number and whether it stands, and may upload the PDF they hold to compare its
 * SHA-256. Lookups are rate-limited per client address and overall; pages are not indexed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatDate, pick } from '../../platform/i18n/i18n.js';
import { readUploadForm } from '../../platform/uploads/multipart.js';
import { createNoScanner } from '../../platform/uploads/scanners/demo-scanners.js';
import { createDigestOnlyStorage, findVerification, type DocumentVerification } from './document-verification.js';
import { createLookupLimiter, DEFAULT_LOOKUP_LIMITS, type LookupLimiterOptions } from './lookup-limiter.js';
import { formatShortCode, normalizeShortCode } from './short-code.js';

/** The largest copy accepted for comparison. */
export const VERIFY_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export interface VerificationRouteDeps {
  db: Database;
  clock: Clock;
  secret: string;
  limits?: LookupLimiterOptions;
}

interface PageState {
  code?: string;
  codeValue?: string;
  result?: DocumentVerification;
  notFound?: boolean;
  comparison?: { match: boolean; sha256: string };
  errors?: { field: string; message: string }[];
}

const ALERTS = { valid: 'success', superseded: 'warning', revoked: 'danger' } as const;

function render(request: FastifyRequest, reply: FastifyReply, state: PageState): FastifyReply {
  const t = request.t;
  const r = state.result;
  reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store');
  return reply.view('modules/documents/views/verify', {
    title: t('documents.verify.title'),
    heading: state.code && (r || state.notFound) ? t('documents.verify.resultTitle', { code: formatShortCode(state.code) }) : t('documents.verify.title'),
    codeValue: state.codeValue ?? '',
    notFound: state.notFound === true,
    result: r && {
      alert: ALERTS[r.status],
      statusText: t(`documents.verify.status.${r.status}`),
      issuer: r.issuer,
      type: pick(r.documentType, request.locale),
      issuedOn: formatDate(r.issuedAt, request.locale),
      reference: r.reference,
      version: r.version,
    },
    comparison: state.comparison,
    uploadAction: state.code ? `/verify/${state.code}` : '/verify',
    errors: state.errors ?? [],
  });
}

/** Registers `/verify`, `/verify/:code` and the comparison upload. */
export async function verificationRoutes(app: FastifyInstance, deps: VerificationRouteDeps): Promise<void> {
  const limiter = createLookupLimiter(deps.limits ?? DEFAULT_LOOKUP_LIMITS);

  /** Counts a lookup by this client; 429 with Retry-After beyond the limit. */
  function throttle(request: FastifyRequest): void {
    const decision = limiter.take(request.ip, deps.clock.now().getTime());
    if (!decision.allowed) throw new AppError('document.verification_throttled', [], { retryAfterSeconds: decision.retryAfterSeconds });
  }

  /** The verification of a path code, rendering the not-found page when there is none. */
  async function lookup(request: FastifyRequest<{ Params: { code: string } }>): Promise<{ code?: string; result?: DocumentVerification }> {
    throttle(request);
    const code = normalizeShortCode(request.params.code);
    return { code, result: code ? await findVerification(deps.db, code) : undefined };
  }

  app.get<{ Querystring: { code?: string } }>('/verify', async (request, reply) => {
    const typed = typeof request.query.code === 'string' ? request.query.code : undefined;
    if (typed === undefined) return render(request, reply, {});
    const code = normalizeShortCode(typed);
    if (code) return reply.redirect(`/verify/${code}`, 303);
    reply.code(400);
    return render(request, reply, { codeValue: typed.slice(0, 40), errors: [{ field: 'code', message: request.t('documents.verify.codeInvalid') }] });
  });

  app.get<{ Params: { code: string } }>('/verify/:code', async (request, reply) => {
    const { code, result } = await lookup(request);
    if (!result) reply.code(404);
    return render(request, reply, { code: code ?? undefined, codeValue: code ? formatShortCode(code) : '', result, notFound: !result });
  });

  // The token is checked by readUploadForm before the first byte of the file (multipart.ts); a
  // post that is not multipart is refused there, and this route changes nothing anyway.
  app.post<{ Params: { code: string } }>('/verify/:code', { config: { csrf: false } }, async (request, reply) => {
    const { code, result } = await lookup(request);
    if (!code || !result) {
      reply.code(404);
      return render(request, reply, { code, codeValue: code ? formatShortCode(code) : '', notFound: true });
    }
    const state: PageState = { code, codeValue: formatShortCode(code), result };
    try {
      const form = await readUploadForm(
        request,
        { storage: createDigestOnlyStorage(), scanner: createNoScanner(), log: request.log },
        {
          tenantId: result.tenantId,
          purpose: 'verification-copy',
          fileFields: { document: { maxFileBytes: VERIFY_UPLOAD_MAX_BYTES, allowedTypes: ['pdf'] } },
          application: { limitBytes: VERIFY_UPLOAD_MAX_BYTES, usedBytes: 0 },
          maxFields: 5,
          csrfSecret: deps.secret,
        },
      );
      const copy = form.files[0];
      if (!copy) {
        reply.code(400);
        return render(request, reply, { ...state, errors: [{ field: 'document', message: request.t('documents.verify.fileMissing') }] });
      }
      return render(request, reply, { ...state, comparison: { match: copy.sha256 === result.sha256, sha256: copy.sha256 } });
    } catch (e) {
      // Refused files are shown on the page, next to the field; anything else (CSRF) is the platform's error page.
      if (!(e instanceof AppError) || !(e.code.startsWith('upload.') || e.code === 'http.unsupported_media_type')) throw e;
      reply.code(e.status);
      const message = e.fieldErrors[0] ? pick(e.fieldErrors[0].message, request.locale) : request.t('documents.verify.fileMissing');
      return render(request, reply, { ...state, errors: [{ field: 'document', message }] });
    }
  });
}
