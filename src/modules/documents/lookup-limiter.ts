/**
 * A small in-memory limiter for verification lookups, so short codes cannot be enumerated: per
 * client address at most `perClient` lookups per window, and at most `overall` lookups per window
 * from everyone together (which also caps an attacker spread over many addresses). Memory is
 * bounded: at most `maxClients` addresses are tracked; when full, expired entries go first, then
 * the oldest. Each process counts for itself — with N web processes the effective limits are N
 * times higher, still far below what guessing a 50-bit code needs.
 */

export interface LookupLimiterOptions {
  perClient: number;
  overall: number;
  windowMs: number;
  maxClients: number;
}

export type LookupDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LookupLimiter {
  /** Counts one lookup by `client` at `nowMs` and says whether it may go ahead. */
  take(client: string, nowMs: number): LookupDecision;
}

/** Defaults: 30 lookups per address and 3000 overall per 10 minutes; 10 000 addresses tracked. */
export const DEFAULT_LOOKUP_LIMITS: LookupLimiterOptions = { perClient: 30, overall: 3000, windowMs: 10 * 60_000, maxClients: 10_000 };

interface Window {
  start: number;
  count: number;
}

/** Creates a limiter; one per application instance. */
export function createLookupLimiter(options: LookupLimiterOptions = DEFAULT_LOOKUP_LIMITS): LookupLimiter {
  const clients = new Map<string, Window>();
  let overall: Window = { start: 0, count: 0 };
  const retryAfter = (w: Window, now: number) => Math.max(1, Math.ceil((w.start + options.windowMs - now) / 1000));
  const expired = (w: Window, now: number) => now - w.start >= options.windowMs;

  function makeRoom(now: number): void {
    for (const [key, w] of clients) if (expired(w, now)) clients.delete(key);
    // Still full: forget the oldest entries (Map keeps insertion order).
    for (const key of clients.keys()) {
      if (clients.size < options.maxClients) break;
      clients.delete(key);
    }
  }

  return {
    take(client, now) {
      if (expired(overall, now)) overall = { start: now, count: 0 };
      let own = clients.get(client);
      if (own && expired(own, now)) {
        clients.delete(client);
        own = undefined;
      }
      if (!own) {
        if (clients.size >= options.maxClients) makeRoom(now);
        own = { start: now, count: 0 };
        clients.set(client, own);
      }
      if (own.count >= options.perClient) return { allowed: false, retryAfterSeconds: retryAfter(own, now) };
      if (overall.count >= options.overall) return { allowed: false, retryAfterSeconds: retryAfter(overall, now) };
      own.count++;
      overall.count++;
      return { allowed: true };
    },
  };
}
