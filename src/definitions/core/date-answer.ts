/**
 * Shared by `date` and `date-range`: reading one date (form text → ISO, JSON → checked ISO),
 * the limits (absolute or relative to today) and their messages.
 */
import { defineMessages, formatDate } from '../../platform/i18n/i18n.js';
import { isIsoDate, parseDateText, resolveDateExpression, toGermanDate } from './dates.js';
import type { FieldContext, FieldIssue, ParseOutcome } from './field-type.js';

/** Years outside this range are typing errors ("0226"); the JSON Schema pattern says the same. */
export const DATE_PATTERN = '^(18|19|20|21)\\d{2}-\\d{2}-\\d{2}$';
const DATE_RE = new RegExp(DATE_PATTERN);

/** Messages of date answers; `{part}` is empty for a single date, or "Beginn"/"Ende" in a range. */
export const dateMessages = defineMessages({
  inputHint: { de: 'Format: TT.MM.JJJJ, z. B. 31.12.2026', en: 'Format: DD.MM.YYYY, e.g. 31.12.2026' },
  format: {
    de: 'Bitte geben Sie {part}bei „{label}“ ein Datum im Format TT.MM.JJJJ an, z. B. 31.12.2026.',
    en: 'Please enter {part}for “{label}” as a date in the format DD.MM.YYYY, e.g. 31.12.2026.',
  },
  notADay: {
    de: 'Das Datum {part}bei „{label}“ gibt es nicht. Bitte prüfen Sie Tag und Monat.',
    en: 'The date {part}for “{label}” does not exist. Please check the day and month.',
  },
  year: {
    de: 'Bitte prüfen Sie das Jahr {part}bei „{label}“.',
    en: 'Please check the year {part}for “{label}”.',
  },
  min: {
    de: 'Das Datum {part}bei „{label}“ darf nicht vor dem {min} liegen.',
    en: 'The date {part}for “{label}” must not be before {min}.',
  },
  max: {
    de: 'Das Datum {part}bei „{label}“ darf nicht nach dem {max} liegen.',
    en: 'The date {part}for “{label}” must not be after {max}.',
  },
  past: {
    de: 'Das Datum {part}bei „{label}“ darf nicht in der Vergangenheit liegen.',
    en: 'The date {part}for “{label}” must not be in the past.',
  },
  future: {
    de: 'Das Datum {part}bei „{label}“ darf nicht in der Zukunft liegen.',
    en: 'The date {part}for “{label}” must not be in the future.',
  },
});

/** Limits of a date answer, as written in the definition. */
export interface DateLimits {
  min?: string;
  max?: string;
}

/** Form text → ISO date, or the text unchanged when it is no date (validation words the problem). */
export function dateFromForm(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return parseDateText(text) ?? text;
}

/** Reads one date of an answer; `part` names it inside a range ("den Beginn "). */
export function readDate<O>(value: unknown, ctx: FieldContext<O>, subKey?: string, part: { de: string; en: string } = { de: '', en: '' }): ParseOutcome<string> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { issues: [] };
  if (typeof value !== 'string') return { issues: [ctx.issue('format', { part }, subKey)] };
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { issues: [ctx.issue('format', { part }, subKey)] };
  if (!isIsoDate(text)) return { issues: [ctx.issue('notADay', { part }, subKey)] };
  if (!DATE_RE.test(text)) return { issues: [ctx.issue('year', { part }, subKey)] };
  return { value: text, issues: [] };
}

/** Issues when a date lies outside its limits (relative limits resolved against today). */
export function dateLimitIssues<O>(iso: string, limits: DateLimits, ctx: FieldContext<O>, subKey?: string, part = { de: '', en: '' }): FieldIssue[] {
  if (limits.min !== undefined) {
    const min = resolveDateExpression(limits.min, ctx.today);
    if (iso < min) return [limits.min === 'today' ? ctx.issue('past', { part }, subKey) : ctx.issue('min', { part, min: toGermanDate(min) }, subKey)];
  }
  if (limits.max !== undefined) {
    const max = resolveDateExpression(limits.max, ctx.today);
    if (iso > max) return [limits.max === 'today' ? ctx.issue('future', { part }, subKey) : ctx.issue('max', { part, max: toGermanDate(max) }, subKey)];
  }
  return [];
}

/** Reports impossible limits at load time (an ISO date that does not exist, min after max). */
export function checkDateLimits(limits: DateLimits, report: (path: string, message: string) => void): void {
  for (const key of ['min', 'max'] as const) {
    const value = limits[key];
    if (value !== undefined && /^\d{4}/.test(value) && !isIsoDate(value)) report(key, `"${value}" is not a date`);
  }
  if (limits.min && limits.max && isIsoDate(limits.min) && isIsoDate(limits.max) && limits.min > limits.max) report('min', 'must not be after max');
}

/** The long display form of a date ("31. Dezember 2026" / "31 December 2026"). */
export function displayDate(iso: string, locale: 'de' | 'en'): string {
  return formatDate(iso, locale);
}
