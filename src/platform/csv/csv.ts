/**
 * CSV for spreadsheets, safe to open: RFC 4180 (fields quoted when they hold the delimiter, a
 * quote, CR or LF; quotes doubled; CRLF between records) plus the OWASP defence against formula
 * injection — a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with a single quote, so Excel and LibreOffice show it as text instead of running it.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvOptions {
  /** Field separator; RFC 4180 uses a comma. */
  delimiter?: ',' | ';' | '\t';
}

/** Characters that make a spreadsheet read a cell as a formula (or hide one behind whitespace). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would evaluate as a formula. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One field: formula-escaped, then quoted when RFC 4180 requires it. */
export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const text = escapeFormula(cellText(value));
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF line end. */
export function csvRecord(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((v) => csvField(v, options)).join(options.delimiter ?? ',')}\r\n`;
}

/** A whole document: header and rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  let out = csvRecord(header, options);
  for (const row of rows) out += csvRecord(row, options);
  return out;
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (umlauts intact). */
export const UTF8_BOM = '\uFEFF';
