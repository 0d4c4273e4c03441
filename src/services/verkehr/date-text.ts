/**
 * Dates as the traffic-order texts print them: with the weekday, because applicants plan moves by
 * weekday and signs must stand on a named day ("Dienstag, 24. November 2026").
 */
import type { Localized } from '../../platform/db/schema.js';

const formats = {
  de: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};
const short = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A calendar day (`YYYY-MM-DD`) with its weekday in both languages. */
export function longDate(day: string): Localized {
  const d = new Date(`${day}T12:00:00Z`);
  return { de: formats.de.format(d), en: formats.en.format(d) };
}

/** A calendar day as `TT.MM.JJJJ`. */
export function germanDate(day: string): string {
  return short.format(new Date(`${day}T12:00:00Z`));
}
