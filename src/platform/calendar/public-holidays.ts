/**
 * Statutory public holidays per German Land, computed by `feiertagejs` (Easter by Gauss,
 * Buß- und Bettag as the Wednesday before 23 November, Reformationstag, …) with our own German and
 * English names. Holidays that hold only in parts of a Land — Fronleichnam in the Sorbian
 * Catholic communities of Saxony (by regulation under the SächsSFG), Mariä Himmelfahrt in Catholic Bavarian
 * communities, the Augsburger Friedensfest — are not Land-wide and are left to the tenant's own
 * closing days.
 */
import { getHolidays } from 'feiertagejs';
import type { Localized } from '../db/schema.js';
import type { CalendarDate } from './calendar-date.js';

/** The sixteen Länder by their ISO 3166-2:DE codes (without `DE-`). */
export const LAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type Land = (typeof LAENDER)[number];

export interface PublicHoliday {
  date: CalendarDate;
  /** Stable identifier, e.g. `BUBETAG`. */
  id: string;
  name: Localized;
}

const NAMES: Record<string, Localized> = {
  NEUJAHRSTAG: { de: 'Neujahr', en: 'New Year’s Day' },
  HEILIGEDREIKOENIGE: { de: 'Heilige Drei Könige', en: 'Epiphany' },
  WELTFRAUENTAG: { de: 'Internationaler Frauentag', en: 'International Women’s Day' },
  KARFREITAG: { de: 'Karfreitag', en: 'Good Friday' },
  OSTERSONNTAG: { de: 'Ostersonntag', en: 'Easter Sunday' },
  OSTERMONTAG: { de: 'Ostermontag', en: 'Easter Monday' },
  TAG_DER_ARBEIT: { de: 'Tag der Arbeit', en: 'Labour Day' },
  CHRISTIHIMMELFAHRT: { de: 'Christi Himmelfahrt', en: 'Ascension Day' },
  PFINGSTSONNTAG: { de: 'Pfingstsonntag', en: 'Whit Sunday' },
  PFINGSTMONTAG: { de: 'Pfingstmontag', en: 'Whit Monday' },
  FRONLEICHNAM: { de: 'Fronleichnam', en: 'Corpus Christi' },
  MARIAHIMMELFAHRT: { de: 'Mariä Himmelfahrt', en: 'Assumption Day' },
  WELTKINDERTAG: { de: 'Weltkindertag', en: 'World Children’s Day' },
  DEUTSCHEEINHEIT: { de: 'Tag der Deutschen Einheit', en: 'German Unity Day' },
  REFORMATIONSTAG: { de: 'Reformationstag', en: 'Reformation Day' },
  ALLERHEILIGEN: { de: 'Allerheiligen', en: 'All Saints’ Day' },
  BUBETAG: { de: 'Buß- und Bettag', en: 'Day of Repentance and Prayer' },
  ERSTERWEIHNACHTSFEIERTAG: { de: '1. Weihnachtsfeiertag', en: 'Christmas Day' },
  ZWEITERWEIHNACHTSFEIERTAG: { de: '2. Weihnachtsfeiertag', en: 'Second Day of Christmas' },
};

/** The Land-wide public holidays of a year, in date order. */
export function publicHolidays(year: number, land: Land): PublicHoliday[] {
  return getHolidays(year, land)
    .map((h) => ({
      // feiertagejs builds its dates at 12:00 UTC, so the UTC date is the holiday in any time zone.
      date: h.date.toISOString().slice(0, 10),
      id: h.name,
      name: NAMES[h.name] ?? { de: h.name, en: h.name },
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

// The first two digits of the Amtlicher Gemeindeschlüssel are the Land (Statistisches Bundesamt).
const LAND_BY_AGS_PREFIX: Record<string, Land> = {
  '01': 'SH',
  '02': 'HH',
  '03': 'NI',
  '04': 'HB',
  '05': 'NW',
  '06': 'HE',
  '07': 'RP',
  '08': 'BW',
  '09': 'BY',
  '10': 'SL',
  '11': 'BE',
  '12': 'BB',
  '13': 'MV',
  '14': 'SN',
  '15': 'ST',
  '16': 'TH',
};

/** The Land of a municipality from its AGS (e.g. `14729400` → `SN`). */
export function landFromAgs(ags: string): Land {
  const land = LAND_BY_AGS_PREFIX[ags.slice(0, 2)];
  if (!land || !/^\d{8}$/.test(ags)) throw new RangeError(`"${ags}" is not an Amtlicher Gemeindeschlüssel`);
  return land;
}
