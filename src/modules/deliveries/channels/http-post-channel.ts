/**
 * `http-post`: POSTs the payload to a recipient's endpoint.
 *
 * - `Idempotency-Key: <delivery id>` on every attempt, so an endpoint that honours it (IETF
 *   draft "The Idempotency-Key HTTP Header Field") accepts a resend once.
 * - Classification: 2xx delivered; 408, 429 and 5xx, timeouts and network errors are retried;
 *   every other 4xx is permanent (the recipient refused this request as it is); a redirect is a
 *   configuration error (permanent) and is never followed, so the payload goes nowhere unplanned.
 * - The bearer token is a reference to a secret (DELIVERY_SECRETS_DIR), never stored in the
 *   options; errors and receipts name the endpoint without its query string.
 */
import { Type } from '@sinclair/typebox';
import { definePlugin, PluginOptionsError } from '../../../platform/plugins/plugin-definition.js';
import { contentDisposition } from '../../../platform/uploads/content-disposition.js';
import { DeliveryError, type DeliveryChannel } from './delivery-channel.js';
import { SecretNameSchema } from './directory-secrets.js';
import { readVerifiedPayload } from './read-payload.js';

/** Options: endpoint, content type, token reference, timeout. */
export const HttpPostOptions = Type.Object(
  {
    url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'Endpoint URL (https; http only with allowPlainHttp)' }),
    contentType: Type.Optional(Type.String({ pattern: '^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+(\\s*;\\s*[a-z0-9-]+=[A-Za-z0-9._-]+)*$', maxLength: 200, description: "Content-Type header; default the payload's media type" })),
    bearerTokenSecret: Type.Optional(SecretNameSchema),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, description: 'Time for the whole request; default 30' })),
    allowPlainHttp: Type.Optional(Type.Boolean({ description: 'Permit an http:// URL (local relays, tests); the payload then travels unencrypted' })),
  },
  { additionalProperties: false },
);

const DEFAULT_TIMEOUT_SECONDS = 30;
const ERROR_BODY_CHARS = 300;

/** Statuses worth trying again: the recipient is busy, overloaded or timed out waiting for us. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function endpointLabel(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

async function bodyExcerpt(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text.length > ERROR_BODY_CHARS ? `${text.slice(0, ERROR_BODY_CHARS)}…` : text;
  } catch {
    return '';
  }
}

function networkFailure(e: unknown, label: string, timeoutSeconds: number): DeliveryError {
  const name = (e as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DeliveryError(`Keine Antwort von ${label} innerhalb von ${timeoutSeconds} s.`, true, { cause: e });
  }
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return new DeliveryError(`${label} nicht erreichbar: ${cause?.code ?? cause?.message ?? (e as Error).message}`, true, { cause: e });
}

function parseEndpoint(options: { url: string; allowPlainHttp?: boolean | undefined }): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new PluginOptionsError('http-post: url is not a valid URL');
  }
  if (url.username || url.password) throw new PluginOptionsError('http-post: url must not contain credentials; use bearerTokenSecret');
  if (url.protocol === 'http:' && !options.allowPlainHttp) throw new PluginOptionsError('http-post: url must use https (or set allowPlainHttp)');
  return url;
}

/** The `http-post` channel plug-in. */
export const httpPostChannelPlugin = definePlugin({
  id: 'http-post',
  summary: 'POSTs each delivery to an HTTP endpoint with an Idempotency-Key; retries 408, 429, 5xx and timeouts.',
  optionsSchema: HttpPostOptions,
  create(options): DeliveryChannel {
    const url = parseEndpoint(options);
    const label = endpointLabel(url);
    const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    return {
      type: 'http-post',
      async deliver(payload, meta, env) {
        const body = await readVerifiedPayload(payload, meta);
        const headers: Record<string, string> = {
          'content-type': options.contentType ?? meta.payload.mediaType,
          'content-disposition': contentDisposition(meta.payload.filename),
          'idempotency-key': meta.deliveryId,
        };
        if (options.bearerTokenSecret) headers.authorization = `Bearer ${await env.secrets.get(options.bearerTokenSecret)}`;
        let response: Response;
        try {
          response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutSeconds * 1000) });
        } catch (e) {
          throw networkFailure(e, label, timeoutSeconds);
        }
        if (response.status >= 200 && response.status < 300) {
          await response.body?.cancel();
          return {
            endpoint: label,
            status: response.status,
            location: response.headers.get('location'),
            requestId: response.headers.get('x-request-id'),
          };
        }
        const excerpt = await bodyExcerpt(response);
        const retryable = isRetryableStatus(response.status);
        const kind = response.status >= 300 && response.status < 400 ? 'Weiterleitung (nicht gefolgt)' : retryable ? 'vorübergehender Fehler' : 'abgelehnt';
        throw new DeliveryError(`HTTP ${response.status} von ${label} (${kind})${excerpt ? `: ${excerpt}` : ''}`, retryable);
      },
      async selfCheck() {
        try {
          const response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutSeconds * 1000) });
          await response.body?.cancel();
          // Any HTTP answer (even 405 for HEAD) proves the endpoint is reachable.
          return { ok: true, detail: `http-post: ${label} answers (HTTP ${response.status} to HEAD)` };
        } catch (e) {
          return { ok: false, detail: `http-post: ${networkFailure(e, label, timeoutSeconds).message}` };
        }
      },
    };
  },
});
