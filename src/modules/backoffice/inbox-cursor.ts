/**
 * Keyset pagination cursors: the sort key and id of the last (or first) row of a page. The key is
 * the database's own text of the timestamp (microseconds kept — a JavaScript Date would round to
 * milliseconds and make rows with nearly equal times repeat or vanish between pages). The id
 * breaks ties, so equal timestamps never lose a row. A cursor is bound to the sort it came from.
 */
import { isUuid } from '../cases/case-engine.js';

export interface InboxCursor {
  sort: string;
  /** timestamptz as PostgreSQL prints it, or `infinity` (no deadline). */
  key: string;
  id: string;
}

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)$/;

/** True for a key this module may hand back to SQL as a timestamptz. */
export function isCursorKey(key: string): boolean {
  return key === 'infinity' || TIMESTAMP_TEXT.test(key);
}

/** The opaque URL token of a cursor. */
export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/** Reads a token for the given sort; undefined when it is malformed or from another sort. */
export function decodeCursor(token: string, sort: string): InboxCursor | undefined {
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) return undefined;
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (cursorSort !== sort || !isCursorKey(key) || !isUuid(id)) return undefined;
  return { sort, key, id: id.toLowerCase() };
}
