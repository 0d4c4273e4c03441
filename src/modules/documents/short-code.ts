/**
 * Verification short codes: 10 characters of Crockford base32 (50 random bits), printed as
 * `ABCDE-12345`. The alphabet leaves out I, L, O and U, so a code read aloud or typed from paper
 * survives the usual confusions: input is upper-cased, I and L read as 1, O as 0, and dashes and
 * spaces are ignored. With 2^50 codes and a rate-limited lookup, guessing a valid code is futile.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHORT_CODE_LENGTH = 10;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A new random code in canonical form (no dash). */
export function newShortCode(): string {
  const bytes = randomBytes(SHORT_CODE_LENGTH);
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps the distribution uniform.
  return [...bytes].map((b) => ALPHABET[b % 32]).join('');
}

/** The canonical form of what someone typed, or undefined when it cannot be a code. */
export function normalizeShortCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return CANONICAL.test(code) ? code : undefined;
}

/** The printed form, `ABCDE-12345`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
