/**
 * Calendar dates as the forms use them: ISO `YYYY-MM-DD` inside, German `TT.MM.JJJJ` at the
 * keyboard, and limits that may be relative to today (`today`, `today+14`, `today-28`), always
 * in Europe/Berlin so a submission at 00:30 counts for the German day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^today(?:([+-])(\d{1,5}))?$/;

/** True when `year` has a 29th of February (Gregorian rules). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True for an ISO date that exists in the calendar (rejects `2026-02-29`, accepts `2024-02-29`). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Reads `31.12.2026`, `1.2.2026` or `2026-12-31` into `YYYY-MM-DD` without checking that the
 * day exists (validation says that in words); anything else gives `undefined`.
 */
export function parseDateText(text: string): string | undefined {
  const value = text.trim();
  if (ISO_DATE.test(value)) return value;
  const m = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$/.exec(value);
  if (!m) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** True for a date limit a definition may use: an ISO date or `today`, `today+N`, `today-N`. */
export function isDateExpression(value: string): boolean {
  return isIsoDate(value) || RELATIVE.test(value);
}

/** Resolves a date limit against today (`today+14` → the date in 14 days). */
export function resolveDateExpression(expression: string, today: string): string {
  const m = RELATIVE.exec(expression);
  if (!m) return expression;
  const days = m[2] ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : 0;
  return addDays(today, days);
}

/** The ISO date `days` after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`to` − `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and
// every form page and validation asks for today (B2 profile).
const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/Berlin. */
export function todayInBerlin(now: Date): string {
  return berlinDay.format(now);
}

/** `2026-12-31` → `31.12.2026` (the form's input format, also used in messages). */
export function toGermanDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
