/**
 * The personal links of consultations: the token is an HMAC of the consultation's id under the
 * application secret (so a reminder can repeat the link, as status links are reproduced), and the
 * database keeps only its SHA-256.
 */
import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of a token, as stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The token of a consultation's personal link. */
export function consultationToken(secret: string, consultationId: string): string {
  return createHmac('sha256', secret).update(`consultation:${consultationId}`).digest('base64url');
}

/** The personal link of a consultation. */
export function consultationLink(publicBaseUrl: string, tenantSlug: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${tenantSlug}/anhoerung/${token}`;
}

