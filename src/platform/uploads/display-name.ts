/**
 * The original file name, made safe to show and to offer as a download name (T16). It is
 * display text only: files are stored under generated ids, never under this name.
 */

const MAX_LENGTH = 200;
/** Bidirectional overrides/isolates and marks (used to disguise `exe.pdf` as `fdp.exe`), zero-width characters and the BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;
/** Characters Windows forbids in names; replaced so a download keeps its name everywhere. */
const RESERVED = /[<>:"|?*]/g;

/**
 * Strips path parts, control characters (NUL included), bidi overrides and invisible
 * characters, Windows-reserved characters, leading dots and trailing dots/spaces; keeps umlauts
 * and other letters; limits to 200 characters, keeping the extension. Falls back to `fallback`.
 */
export function sanitizeDisplayName(raw: string | undefined, fallback = 'Datei'): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(CONTROL, '').replace(INVISIBLE, '').replace(RESERVED, '_');
  name = name.replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length > MAX_LENGTH) {
    const ext = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
    const extLength = [...ext].length;
    name = chars.slice(0, MAX_LENGTH - extLength).join('').trimEnd() + ext;
  }
  return name === '' ? fallback : name;
}
