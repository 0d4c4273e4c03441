/**
 * Working days (Arbeitstage) of one municipality: Monday to Friday, minus the Land's public
 * holidays and the tenant's own closing days (e.g. 24 and 31 December). Saturdays are not working
 * days here, although the law's "Werktag" includes them: offices are closed, and lead times in
 * the procedures (verkehr.md § 3.5) are meant as office days.
 *
 * All functions work on Berlin calendar days; an instant (`Date`) is first read in Europe/Berlin.
 */
import type { Localized } from '../db/schema.js';
import { addDays, dayOfWeek, toCalendarDate, yearOf, type CalendarDate } from './calendar-date.js';
import { publicHolidays, type Land, type PublicHoliday } from './public-holidays.js';

/** A day the tenant's office is closed besides the public holidays. */
export interface ClosingDay {
  date: CalendarDate;
  reason?: Localized;
}

export interface WorkingDayCalendarOptions {
  land: Land;
  closingDays?: readonly (CalendarDate | ClosingDay)[];
}

/** Why a day is not a working day. */
export type DayClosure = { kind: 'weekend' } | { kind: 'holiday'; name: Localized } | { kind: 'closing-day'; reason?: Localized };

type DayInput = CalendarDate | Date;

export interface WorkingDayCalendar {
  readonly land: Land;
  /** True on Monday–Friday unless a public holiday or a closing day. */
  isWorkingDay(day: DayInput): boolean;
  /** Why the office is closed on a day; undefined on working days. */
  closureOn(day: DayInput): DayClosure | undefined;
  /** The day `n` working days after `day`, not counting `day` itself (negative counts back; 0 gives `day`). */
  addWorkingDays(day: DayInput, n: number): CalendarDate;
  /** Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is earlier. */
  workingDaysBetween(from: DayInput, to: DayInput): number;
  /**
   * The earliest day a measure may start when asked for on `today` with a lead time of `n` working
   * days: `n` full working days must lie strictly between the request and the start (neither day
   * counts, as for a period counted back from an event). The start itself may be any day.
   */
  earliestDateWithLeadTime(today: DayInput, n: number): CalendarDate;
  /** `day` itself if it is a working day, else the next one (a period ending on a closed day, § 31 Abs. 3 VwVfG). */
  workingDayOnOrAfter(day: DayInput): CalendarDate;
  /** The Land's public holidays of a year. */
  holidays(year: number): readonly PublicHoliday[];
}

function requireWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** Builds the calendar of a Land with a tenant's extra closing days. */
export function createWorkingDayCalendar(options: WorkingDayCalendarOptions): WorkingDayCalendar {
  const { land } = options;
  const closing = new Map<CalendarDate, ClosingDay>();
  for (const entry of options.closingDays ?? []) {
    const day: ClosingDay = typeof entry === 'string' ? { date: entry } : entry;
    closing.set(toCalendarDate(day.date), day);
  }
  const byYear = new Map<number, { list: PublicHoliday[]; byDate: Map<CalendarDate, PublicHoliday> }>();
  const yearHolidays = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) {
      const list = publicHolidays(year, land);
      entry = { list, byDate: new Map(list.map((h) => [h.date, h])) };
      byYear.set(year, entry);
    }
    return entry;
  };

  const closureOn = (input: DayInput): DayClosure | undefined => {
    const day = toCalendarDate(input);
    const holiday = yearHolidays(yearOf(day)).byDate.get(day);
    if (holiday) return { kind: 'holiday', name: holiday.name };
    const closingDay = closing.get(day);
    if (closingDay) return closingDay.reason ? { kind: 'closing-day', reason: closingDay.reason } : { kind: 'closing-day' };
    const weekday = dayOfWeek(day);
    return weekday === 0 || weekday === 6 ? { kind: 'weekend' } : undefined;
  };
  const isWorkingDay = (input: DayInput) => closureOn(input) === undefined;

  const addWorkingDays = (input: DayInput, n: number): CalendarDate => {
    requireWholeNumber(n, 'The number of working days');
    const step = n < 0 ? -1 : 1;
    let day = toCalendarDate(input);
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left--;
    }
    return day;
  };

  const workingDaysBetween = (fromInput: DayInput, toInput: DayInput): number => {
    const from = toCalendarDate(fromInput);
    const to = toCalendarDate(toInput);
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  };

  return {
    land,
    isWorkingDay,
    closureOn,
    addWorkingDays,
    workingDaysBetween,
    earliestDateWithLeadTime(today, n) {
      requireWholeNumber(n, 'The lead time');
      if (n < 0) throw new RangeError(`The lead time must not be negative, got ${n}`);
      return addDays(addWorkingDays(today, n), 1);
    },
    workingDayOnOrAfter(input) {
      const day = toCalendarDate(input);
      return isWorkingDay(day) ? day : addWorkingDays(day, 1);
    },
    holidays: (year) => yearHolidays(year).list,
  };
}
