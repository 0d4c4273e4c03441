/**
 * Where to send someone after login. `next` comes from the query string, so it is attacker
 * controlled: only a path on this site is accepted (ASVS 5.1.5), never `//host`, `/\host`, a
 * scheme, or anything with control characters that browsers might strip into one of those.
 */

const MAX_LENGTH = 512;

/** The path and query of `value` if it is a safe same-site target, otherwise null. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // Backslashes count as slashes in browsers; control characters and spaces are dropped or folded.
  if (/[\\\u0000-\u0020\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, 'http://same.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://same.invalid') return null;
  // Sending someone back to the logout or login form after logging in helps nobody.
  if (url.pathname === '/staff/logout' || url.pathname === '/staff/login') return null;
  return `${url.pathname}${url.search}`;
}
