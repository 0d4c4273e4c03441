/**
 * What a request looks like in the logs. URLs can carry secrets — status links `/s/<token>`,
 * resume links, query strings — so a request is logged by its route pattern, with only the
 * tenant slug filled in. A request that matched no route is logged by its path with every
 * segment that could be a token replaced and the query string dropped.
 */

/** Route parameters whose values are public and useful in logs. */
const PUBLIC_PARAMS = new Set(['tenant']);

const REDACTED = ':redacted';

// A path segment that may be a secret: long, or mixing letters and digits like a token or an id.
function looksSecret(segment: string): boolean {
  if (segment.length >= 32) return true;
  if (segment.length < 16) return false;
  return /[0-9]/.test(segment) && /[A-Za-z]/.test(segment);
}

/** The raw path with the query string dropped and secret-looking segments replaced. */
export function redactPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (looksSecret(segment) ? REDACTED : segment))
    .join('/');
}

/** The route pattern with public parameters (the tenant slug) filled in. */
export function fillPublicParams(pattern: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => {
    const value = values[name];
    return PUBLIC_PARAMS.has(name) && typeof value === 'string' && /^[a-z0-9-]{1,63}$/.test(value) ? value : whole;
  });
}

export interface LoggableRequest {
  id: string;
  method: string;
  url: string;
  params?: unknown;
  routeOptions?: { url?: string };
}

/** The pino serializer for requests: id, method, route pattern and a path without secrets. */
export function requestLogFields(req: LoggableRequest): { id: string; method: string; route?: string; path: string } {
  const route = req.routeOptions?.url;
  return route
    ? { id: req.id, method: req.method, route, path: fillPublicParams(route, req.params) }
    : { id: req.id, method: req.method, path: redactPath(req.url) };
}
