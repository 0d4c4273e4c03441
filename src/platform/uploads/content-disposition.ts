/**
 * RFC 6266 Content-Disposition for downloads: a quoted ASCII fallback name for old clients and
 * the exact name in RFC 8187 `filename*=UTF-8''…` encoding for all others.
 */

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/** The name in printable ASCII without quote or backslash (umlauts transliterated, other letters replaced by `_`). */
function asciiFallback(name: string): string {
  return [...name]
    .map((c) => TRANSLITERATION[c] ?? c.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .join('')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** RFC 8187 value encoding: everything but attr-char is percent-encoded. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds the header value, e.g. `attachment; filename="Grundriss Kueche.pdf"; filename*=UTF-8''Grundriss%20K%C3%BCche.pdf`. */
export function contentDisposition(displayName: string, options: { inline?: boolean } = {}): string {
  const type = options.inline ? 'inline' : 'attachment';
  return `${type}; filename="${asciiFallback(displayName)}"; filename*=UTF-8''${encodeExtValue(displayName)}`;
}
