/**
 * Calendar days (`YYYY-MM-DD`) and their link to instants in Europe/Berlin. A deadline such as
 * "three working days" is a matter of calendar days in the municipality's time zone, not of
 * 72 hours, so the calendar works on plain dates and converts at the edges only.
 */

/** A calendar day as ISO text, e.g. `2026-11-18`. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_ZONE = 'Europe/Berlin';

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(date: CalendarDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True for an existing day written as `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = parts(value);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Checks a date text and returns it; throws a RangeError for anything else. */
export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new RangeError(`"${value}" is not a calendar date (YYYY-MM-DD)`);
  return value;
}

function fromUtcDay(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcDay(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

/** The day `days` calendar days after `date` (negative counts back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcDay(utcDay(date) + days * 86_400_000);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(utcDay(date)).getUTCDay();
}

/** The year of a calendar day. */
export function yearOf(date: CalendarDate): number {
  return parts(date)[0];
}

function berlinWallClock(instant: Date): { date: CalendarDate; offsetMs: number } {
  const p = Object.fromEntries(berlinParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { date: `${p.year}-${p.month}-${p.day}`, offsetMs: wall - Math.floor(instant.getTime() / 1000) * 1000 };
}

/** The calendar day an instant falls on in Europe/Berlin. */
export function berlinDateOf(instant: Date): CalendarDate {
  return berlinWallClock(instant).date;
}

/** The instant a Berlin calendar day begins (00:00 local time; never inside a DST gap in Germany). */
export function berlinStartOfDay(date: CalendarDate): Date {
  const guess = utcDay(date);
  // The offset at the guess may differ from the offset at local midnight only on DST days,
  // whose switch happens at 02:00/03:00 local time, so a second look settles it.
  const first = guess - berlinWallClock(new Date(guess)).offsetMs;
  return new Date(guess - berlinWallClock(new Date(first)).offsetMs);
}

/** The last millisecond of a Berlin calendar day: a deadline "on" that day ends here. */
export function berlinEndOfDay(date: CalendarDate): Date {
  return new Date(berlinStartOfDay(addDays(date, 1)).getTime() - 1);
}

/** A calendar day from a date text or an instant (read in Europe/Berlin). */
export function toCalendarDate(value: CalendarDate | Date): CalendarDate {
  return value instanceof Date ? berlinDateOf(value) : parseCalendarDate(value);
}
