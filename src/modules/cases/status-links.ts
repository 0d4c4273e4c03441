/**
 * The applicant's private status link. The token is an HMAC of the case id and a generation
 * number under the application secret: 256 bits, unguessable, reproducible by the server for the
 * confirmation page and e-mails, and revoked by raising the generation. Only its SHA-256 is
 * stored, for lookup.
 */
import { createHash, createHmac } from 'node:crypto';

/** The status token of a case for a link generation. */
export function statusTokenFor(secret: string, caseId: string, generation: number): string {
  return createHmac('sha256', secret).update(`status-link:${caseId}:${generation}`).digest('base64url');
}

/** SHA-256 of a secret token, as stored for lookups. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** True when a string has the shape of our tokens (43 base64url characters); cheap pre-check before a lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
