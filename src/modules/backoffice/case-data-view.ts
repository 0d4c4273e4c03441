/**
 * The submitted data on the case page. The form runner knows the service definition (pages,
 * labels, field types and `formatField`) and supplies a {@link DescribeCaseData} that renders the
 * data as the applicant saw it; until it does — or for a version it does not know — the page
 * falls back to {@link describeDataGenerically}, which lists the JSON keys and values as text.
 * Either way the page prints every label and line through the escaping template: nothing a
 * citizen typed can become markup.
 */
import type { Locale } from '../../platform/i18n/i18n.js';

export interface CaseDataRow {
  label: string;
  /** The answer as display lines (an address has several). */
  lines: string[];
}

export interface CaseDataSection {
  title: string;
  rows: CaseDataRow[];
}

export interface CaseDataSubject {
  serviceId: string;
  serviceVersion: number;
  data: Record<string, unknown>;
  locale: Locale;
  /** When the case was submitted (conditions such as "at least 3 days ahead" are judged as then). */
  submittedAt?: Date;
}

/**
 * Renders a case's submitted data from its service definition (e.g. one section per form page
 * with `summarizeAnswers`). Returns undefined when it does not know the service version; the
 * page then uses the generic rendering.
 */
export type DescribeCaseData = (subject: CaseDataSubject) => CaseDataSection[] | undefined | Promise<CaseDataSection[] | undefined>;

const MAX_DEPTH = 6;
const MAX_ROWS = 500;

const WORDS = {
  yes: { de: 'Ja', en: 'Yes' },
  no: { de: 'Nein', en: 'No' },
  empty: { de: '–', en: '–' },
  title: { de: 'Übermittelte Angaben', en: 'Submitted information' },
};

function scalarText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return WORDS.empty[locale];
  if (typeof value === 'boolean') return value ? WORDS.yes[locale] : WORDS.no[locale];
  return String(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function collect(value: unknown, label: string, depth: number, rows: CaseDataRow[], locale: Locale): void {
  if (rows.length >= MAX_ROWS) return;
  if (isScalar(value)) {
    rows.push({ label, lines: scalarText(value, locale).split('\n') });
    return;
  }
  if (depth >= MAX_DEPTH) {
    rows.push({ label, lines: [JSON.stringify(value)] });
    return;
  }
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      rows.push({ label, lines: value.length > 0 ? value.map((v) => scalarText(v, locale)) : [WORDS.empty[locale]] });
      return;
    }
    value.forEach((item, i) => collect(item, `${label} › ${i + 1}`, depth + 1, rows, locale));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) rows.push({ label, lines: [WORDS.empty[locale]] });
  for (const [key, v] of entries) collect(v, label ? `${label} › ${key}` : key, depth + 1, rows, locale);
}

/** The fallback: one section listing every key path and its value as text. */
export function describeDataGenerically(data: Record<string, unknown>, locale: Locale): CaseDataSection[] {
  const rows: CaseDataRow[] = [];
  if (Object.keys(data).length > 0) collect(data, '', 0, rows, locale);
  return rows.length > 0 ? [{ title: WORDS.title[locale], rows }] : [];
}

/** The sections to show: the definition's rendering when the describer knows the version, else the generic one. */
export async function describeCaseDataOrFallback(describe: DescribeCaseData | undefined, subject: CaseDataSubject): Promise<{ sections: CaseDataSection[]; generic: boolean }> {
  const fromDefinition = describe ? await describe(subject) : undefined;
  if (fromDefinition) return { sections: fromDefinition, generic: false };
  return { sections: describeDataGenerically(subject.data, subject.locale), generic: true };
}
