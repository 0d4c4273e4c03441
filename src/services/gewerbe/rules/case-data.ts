/**
 * Typed reading of Gewerbe case data (the answers of GewA1, GewA2 or GewA3, which share their
 * field ids). Rules, templates, the register and the exporter read answers only through here,
 * so a renamed field shows up as a type error in one place.
 */
import type { CaseData } from '../../../definitions/rules/rule.js';

/** A postal address as the `german-address` field stores it. */
export interface Address {
  street: string;
  houseNumber?: string;
  postalCode?: string;
  town: string;
  country: string;
}

/** A person's name as the `person-name` field stores it. */
export interface PersonName {
  title?: string;
  given: string;
  family: string;
  birthName?: string;
}

/** A string answer, or undefined when absent or blank. */
export function text(data: CaseData, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A boolean answer (yes-no), or undefined. */
export function flag(data: CaseData, key: string): boolean | undefined {
  const v = data[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** A number answer, or undefined. */
export function count(data: CaseData, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'number' ? v : undefined;
}

/** A list-of-values answer (checkboxes), empty when absent. */
export function list(data: CaseData, key: string): string[] {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** An address answer, or undefined. */
export function address(data: CaseData, key: string): Address | undefined {
  const v = data[key];
  return v && typeof v === 'object' && typeof (v as Address).street === 'string' ? (v as Address) : undefined;
}

/** The notifying person's name, or undefined. */
export function personName(data: CaseData, key = 'name'): PersonName | undefined {
  const v = data[key];
  return v && typeof v === 'object' && typeof (v as PersonName).family === 'string' ? (v as PersonName) : undefined;
}

/** "Given Family" of a name. */
export function fullName(name: PersonName | undefined): string {
  return name ? `${name.given} ${name.family}`.trim() : '';
}

/** The activity text and the further activities, as one text to search. */
export function activityText(data: CaseData): string {
  return [text(data, 'activity'), text(data, 'furtherActivities'), text(data, 'tradeName')].filter(Boolean).join('\n');
}

/** The further activities, one per line. */
export function furtherActivities(data: CaseData): string[] {
  return (text(data, 'furtherActivities') ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The day the notification takes effect: start (GewA1), change (GewA2) or closing date (GewA3). */
export function effectiveDate(data: CaseData): string | undefined {
  return text(data, 'startDate') ?? text(data, 'changeDate') ?? text(data, 'closeDate');
}
