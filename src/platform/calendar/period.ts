/**
 * Periods (Fristen) counted from an instant: "3 days" or "10 working days". The day of the event
 * that starts a period is not counted (§ 31 Abs. 1 VwVfG with § 187 Abs. 1 BGB), and a period
 * ends at the end of its last day in Europe/Berlin (§ 188 Abs. 1 BGB).
 */
import { addDays, berlinDateOf, berlinEndOfDay, type CalendarDate } from './calendar-date.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/** A period in calendar days or in working days of the tenant's calendar. */
export type Period = { days: number } | { workingDays: number };

/** The last day of a period that starts with an event at `start`. */
export function periodLastDay(calendar: WorkingDayCalendar, start: Date, period: Period): CalendarDate {
  const startDay = berlinDateOf(start);
  if ('workingDays' in period) return calendar.addWorkingDays(startDay, period.workingDays);
  // § 31 Abs. 3 VwVfG: a period in days that ends on a Saturday, Sunday or holiday runs on to
  // the next working day.
  return calendar.workingDayOnOrAfter(addDays(startDay, period.days));
}

/** The instant a period ends (the last millisecond of its last day in Berlin). */
export function periodEnd(calendar: WorkingDayCalendar, start: Date, period: Period): Date {
  return berlinEndOfDay(periodLastDay(calendar, start, period));
}
