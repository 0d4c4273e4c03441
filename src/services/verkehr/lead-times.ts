/**
 * Lead times of traffic orders, on the municipality's working-day calendar (Saxon public holidays
 * such as Reformationstag and Buß- und Bettag, and its closing days).
 *
 * No-parking signs (HVZ, and works or lifts that include a zone) must stand for three full days
 * before the order takes effect against parked cars (BVerwG, 24 May 2018, 3 C 25.16): the latest
 * set-up day is the fourth day before the first day of validity (verkehr.md § 1.6), counted in
 * calendar days or, where the tenant chooses, in working days. For HVZ the office must decide by
 * that day: today + processing working days ≤ latest set-up day (H4). Other orders need their
 * lead time in full working days between the application and the start (B8).
 */
import { addDays, type CalendarDate } from '../../platform/calendar/calendar-date.js';
import type { WorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { TrafficApplication } from './traffic-application.js';
import type { TrafficSettings } from './traffic-settings.js';

type LeadFacts = Pick<TrafficApplication, 'caseType' | 'closureType' | 'emergencyWork' | 'includesNoParking'>;

/** The latest day the no-parking signs may go up for an order valid from `validFrom`. */
export function latestSetupDate(validFrom: CalendarDate, settings: Pick<TrafficSettings, 'setupFullDays' | 'setupDaysCounting'>, calendar: WorkingDayCalendar): CalendarDate {
  const back = -(settings.setupFullDays + 1);
  return settings.setupDaysCounting === 'workingDays' ? calendar.addWorkingDays(validFrom, back) : addDays(validFrom, back);
}

/** The regular lead time in working days (an emergency repair has none, B11). */
export function regularLeadWorkingDays(app: LeadFacts, settings: TrafficSettings): number {
  switch (app.caseType) {
    case 'HVZ':
      return settings.hvz.processingWorkingDays;
    case 'BAU':
      if (app.emergencyWork) return 0;
      return app.closureType === 'fullClosure' ? settings.works.fullClosureLeadTimeWorkingDays : settings.works.leadTimeWorkingDays;
    default:
      return settings.leadTimeWorkingDays[app.caseType];
  }
}

/** The least lead time an application is accepted with at all; works between this and the regular one are flagged (B8). */
export function minimumLeadWorkingDays(app: LeadFacts, settings: TrafficSettings): number {
  if (app.caseType !== 'BAU' || app.emergencyWork) return regularLeadWorkingDays(app, settings);
  return Math.min(settings.works.minimumLeadTimeWorkingDays, regularLeadWorkingDays(app, settings));
}

/** The earliest first day of validity for an application made on `today` with `leadDays` working days. */
export function earliestValidFrom(app: LeadFacts, settings: TrafficSettings, calendar: WorkingDayCalendar, today: CalendarDate, leadDays: number): CalendarDate {
  if (!app.includesNoParking) return leadDays === 0 ? today : calendar.earliestDateWithLeadTime(today, leadDays);
  const decidedBy = calendar.addWorkingDays(today, leadDays);
  // The set-up rule may count working days, so step forward until the latest set-up day is late enough.
  let day = addDays(decidedBy, settings.setupFullDays + 1);
  while (latestSetupDate(day, settings, calendar) < decidedBy) day = addDays(day, 1);
  return day;
}

/** How an asked-for start relates to the lead times: fine, late (flag), or too late (refuse). */
export function leadTimeVerdict(app: LeadFacts & { period?: { from: string } }, settings: TrafficSettings, calendar: WorkingDayCalendar, today: CalendarDate):
  | { verdict: 'ok' | 'late' | 'too-late'; earliestRegular: CalendarDate; earliestAccepted: CalendarDate }
  | undefined {
  if (!app.period) return undefined;
  const earliestRegular = earliestValidFrom(app, settings, calendar, today, regularLeadWorkingDays(app, settings));
  const earliestAccepted = earliestValidFrom(app, settings, calendar, today, minimumLeadWorkingDays(app, settings));
  const verdict = app.period.from < earliestAccepted ? 'too-late' : app.period.from < earliestRegular ? 'late' : 'ok';
  return { verdict, earliestRegular, earliestAccepted };
}
