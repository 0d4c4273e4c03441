/**
 * The words the inbox search looks for, split exactly as migration 0008's
 * `case_search_words()` splits what it stores: lower-cased, at white space and punctuation
 * (ASCII punctuation — what PostgreSQL's `[:punct:]` means in the byte-wise "C" ctype — plus the
 * usual typographic dashes, quotes and the no-break space). Letters outside ASCII (ä, ö, ü, ß,
 * é …) stay inside their words. Every word of a search must start a stored word of the case.
 */

const SEPARATORS = /[\s!-/:-@[-`{-~\u00a0–—„“”‚‘’«»·…]+/u;

/** Most words one search asks for. */
export const MAX_SEARCH_WORDS = 6;

/** The words of a search text (stored words are cut at 64 characters, so longer prefixes are too). */
export function searchWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w !== '')
    .map((w) => [...w].slice(0, 64).join(''));
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** The byte-wise range [word, word‖U+10FFFF) of the stored words that start with `word`. */
export function prefixRange(word: string): { from: string; to: string } {
  return { from: word, to: `${word}\u{10FFFF}` };
}

/**
 * The reference-number prefix a search text may be, upper-cased: one token of at least three
 * letters, digits, dashes and slashes with at least one digit, dash or slash (`WUR-GEW`,
 * `2026-0001`). A plain word such as `Anna` is searched among names only: as a reference it
 * would join a name's large word range with a reference range, which no index can order.
 */
export function referencePrefix(q: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9/-]{2,63}$/.test(q) && /[0-9/-]/.test(q) ? q.toUpperCase() : undefined;
}
