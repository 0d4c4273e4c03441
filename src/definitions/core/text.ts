/**
 * Text clean-up shared by all text-like fields. Umlauts typed on a Mac may arrive decomposed
 * ("u" + combining diaeresis); NFC makes "Müller" equal "Müller" for search, export and
 * length limits.
 */

/** One line of text: NFC, every kind of white space collapsed to one space, trimmed. */
export function normalizeLine(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Multi-line text: NFC, Windows/Mac line ends as `\n`, trailing spaces per line and outer blank lines removed. */
export function normalizeMultiline(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+$/u, ''))
    .join('\n')
    .replace(/^\s*\n/u, '')
    .trim();
}

/** Length in characters as JSON Schema counts them (Unicode code points, not UTF-16 units). */
export function characterCount(value: string): number {
  return [...value].length;
}
