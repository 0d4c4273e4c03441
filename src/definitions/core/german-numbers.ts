/**
 * Reading numbers the way people in Germany type them: decimal comma ("3,5"), dots grouping
 * thousands ("1.234.567", "1.234,56"), spaces grouping thousands ("1 234"). A single dot not
 * followed by exactly three digits is read as a decimal point ("1.5", as on English keyboards);
 * "1.500" is fifteen hundred, as a German reader would take it.
 */

/** A number read from text, kept as digit strings so money never goes through floating point. */
export interface DecimalText {
  negative: boolean;
  integer: string;
  fraction: string;
}

const PATTERNS: { re: RegExp; decimal: ',' | '.' | null }[] = [
  { re: /^\d+$/, decimal: null },
  { re: /^\d{1,3}(?:\.\d{3})+$/, decimal: null },
  { re: /^\d{1,3}(?:\.\d{3})*,\d+$/, decimal: ',' },
  { re: /^\d*,\d+$/, decimal: ',' },
  { re: /^\d*\.\d+$/, decimal: '.' },
];

/** Reads "1.234,56", "-3,5", "1 234", "1.5"; anything else gives `undefined`. */
export function parseDecimalText(text: string): DecimalText | undefined {
  let value = text.replace(/[\s\u00a0\u202f]/gu, '').replace(/\u2212/g, '-');
  let negative = false;
  if (/^[+-]/.test(value)) {
    negative = value.startsWith('-');
    value = value.slice(1);
  }
  const pattern = PATTERNS.find((p) => p.re.test(value));
  if (!pattern) return undefined;
  if (pattern.decimal === null) return { negative, integer: value.replace(/\./g, ''), fraction: '' };
  const cut = value.lastIndexOf(pattern.decimal);
  return { negative, integer: value.slice(0, cut).replace(/\./g, '') || '0', fraction: value.slice(cut + 1) };
}

/** The number a decimal text stands for. */
export function decimalToNumber(decimal: DecimalText): number {
  const n = Number(`${decimal.integer}${decimal.fraction ? `.${decimal.fraction}` : ''}`);
  return decimal.negative && n !== 0 ? -n : n;
}

// Made once: constructing an Intl.NumberFormat costs far more than formatting with it (B2 profile).
const numberFormats = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 }),
};

/** Formats a number for German or English readers without grouping surprises ("1.234,5" / "1,234.5"). */
export function formatNumber(value: number, locale: 'de' | 'en'): string {
  return numberFormats[locale].format(value);
}

/** A number as the German form shows it in an input ("1234,5": no grouping, decimal comma). */
export function numberInputText(value: number): string {
  return String(value).replace('.', ',');
}
