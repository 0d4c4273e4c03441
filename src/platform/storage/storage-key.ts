/**
 * Storage keys: `<tenantId>/<purpose>/<uuid>`, always generated here. The tenant prefix keeps
 * each tenant's objects apart (standards-security B5) and lets offboarding delete by prefix;
 * the random UUID makes keys unguessable and independent of the uploader's file name.
 */
import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PURPOSE = /^[a-z][a-z0-9-]{0,39}$/;
/** Segments adapters accept: no leading dot (so no `.` or `..`), no separators, no spaces. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** A new key for a file of a tenant, e.g. `3f2a…/draft-upload/9c1e…`. Returns the key and its UUID. */
export function newStorageKey(tenantId: string, purpose: string): { key: string; id: string } {
  if (!UUID.test(tenantId)) throw new Error(`Storage key: tenant id must be a UUID, got "${tenantId}"`);
  if (!PURPOSE.test(purpose)) throw new Error(`Storage key: purpose must be lower-case letters, digits and dashes, got "${purpose}"`);
  const id = randomUUID();
  return { key: `${tenantId}/${purpose}/${id}`, id };
}

/**
 * Refuses keys that are absolute, contain `..`, backslashes, empty segments or unusual
 * characters. Adapters call this on every operation as a second line of defence, because a key
 * that reaches them from a database row could have been tampered with.
 */
export function assertSafeStorageKey(key: string): void {
  const segments = key.split('/');
  if (key.length > 512 || segments.length > 8 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`Unsafe storage key refused: ${JSON.stringify(key.slice(0, 100))}`);
  }
}
