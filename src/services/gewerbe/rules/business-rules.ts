/**
 * Rules about the business as notified: competence (the premises lie in the municipality's area,
 * tenant data), the register entry against the legal form, and the plausibility of the dates
 * (gewerbe.md § 8.1).
 */
import { addDays } from '../../../platform/calendar/calendar-date.js';
import { defineRule, type PrepareEnvironment } from '../../../definitions/rules/rule.js';
import type { Finding } from '../../../definitions/rules/finding.js';
import type { GewerbeSettings } from '../settings.js';
import { address, text } from './case-data.js';

/** The tenant's Gewerbe settings, through the `gewerbe.settings` lookup. */
export const loadSettings = (_data: unknown, env: PrepareEnvironment) => env.lookup<GewerbeSettings>('gewerbe.settings', {});

/** Lower case, without "OT …"/"Ortsteil …" and text after a comma, single spaces. */
export function normalizeTown(town: string): string {
  return town
    .toLowerCase()
    .replace(/,.*$/, '')
    .replace(/\s*\b(ot|ortsteil)\b.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when postal code and town are listed together in the area. */
export function inArea(settings: GewerbeSettings, postalCode: string | undefined, town: string): boolean {
  const wanted = normalizeTown(town);
  return (settings.area?.places ?? []).some((p) => p.postalCode === postalCode && normalizeTown(p.town) === wanted);
}

/** The premises must lie in the municipality's area, else another office is competent. */
export const competenceRule = defineRule<GewerbeSettings>({
  id: 'gewerbe.competence',
  name: { de: 'Örtliche Zuständigkeit', en: 'Local competence' },
  legalSource: '§ 14 Abs. 1 GewO, § 3 VwVfG',
  prepare: loadSettings,
  check(data, ctx): Finding[] {
    const premises = address(data, 'businessAddress');
    if (!premises) return [];
    if (!ctx.prepared.area || ctx.prepared.area.places.length === 0) {
      return [{ code: 'gewerbe.area-unknown', severity: 'info', fieldPath: 'businessAddress', message: { de: 'Für diese Gemeinde ist kein Gebiet hinterlegt; die Zuständigkeit wurde nicht geprüft.', en: 'No area is configured for this municipality; competence was not checked.' } }];
    }
    if (inArea(ctx.prepared, premises.postalCode, premises.town)) return [];
    return [
      {
        code: 'gewerbe.not-competent',
        severity: 'blocking',
        fieldPath: 'businessAddress',
        message: {
          de: `Die Betriebsstätte (${premises.postalCode ?? ''} ${premises.town}) liegt nicht im Gebiet dieser Gemeinde. Zuständig ist das Gewerbeamt am Ort der Betriebsstätte.`,
          en: `The premises (${premises.postalCode ?? ''} ${premises.town}) are not in this municipality's area. The trade office where the premises are is competent.`,
        },
      },
    ];
  },
});

/** The register type each legal form is entered in (gewerbe.md § 8.1). */
export const REGISTER_TYPE: Readonly<Record<string, string>> = {
  'registered-merchant': 'HRA',
  ohg: 'HRA',
  kg: 'HRA',
  'gmbh-co-kg': 'HRA',
  gmbh: 'HRB',
  ug: 'HRB',
  ag: 'HRB',
  eg: 'GnR',
  partg: 'PR',
  ev: 'VR',
  egbr: 'GsR',
};

const NAME_SUFFIX: Readonly<Record<string, RegExp>> = {
  'registered-merchant': /e\.\s?K(fm|ffr)?\.|eingetragene[rn]? Kauf(mann|frau)/i,
  ohg: /\bo?HG\b|offene Handelsgesellschaft/i,
  kg: /\bKG\b|Kommanditgesellschaft/i,
  'gmbh-co-kg': /GmbH\s?&\s?Co\.?\s?KG/i,
  gmbh: /GmbH|Gesellschaft mit beschränkter Haftung/i,
  ug: /\bUG\b|Unternehmergesellschaft/i,
  ag: /\bAG\b|Aktiengesellschaft/i,
  eg: /\beG\b|eingetragene Genossenschaft/i,
  ev: /e\.\s?V\.|eingetragener Verein/i,
};

/** The register number's type must fit the legal form; the name should carry the legal form. */
export const registerFormRule = defineRule({
  id: 'gewerbe.register-legal-form',
  name: { de: 'Registereintrag und Rechtsform', en: 'Register entry and legal form' },
  legalSource: '§§ 8, 19 HGB, § 4 GmbHG',
  check(data): Finding[] {
    const form = text(data, 'legalForm');
    const number = text(data, 'registerNumber');
    const findings: Finding[] = [];
    const expected = form ? REGISTER_TYPE[form] : undefined;
    const actual = number?.match(/^[A-Za-z]+/)?.[0];
    if (expected && actual && actual !== expected) {
      findings.push({
        code: 'gewerbe.register-type-mismatch',
        severity: 'warning',
        fieldPath: 'registerNumber',
        message: { de: `Die Registernummer „${number}“ passt nicht zur Rechtsform (erwartet: ${expected}).`, en: `The register number “${number}” does not fit the legal form (expected: ${expected}).` },
      });
    }
    const name = text(data, 'companyName');
    const suffix = form ? NAME_SUFFIX[form] : undefined;
    if (name && suffix && !suffix.test(name)) {
      findings.push({
        code: 'gewerbe.company-name-form',
        severity: 'info',
        fieldPath: 'companyName',
        message: { de: `Der Name „${name}“ nennt die Rechtsform nicht.`, en: `The name “${name}” does not state the legal form.` },
      });
    }
    return findings;
  },
});

/** Dates: a start far ahead is looked at; a late notification or deregistration gets a note. */
export const datesRule = defineRule<GewerbeSettings>({
  id: 'gewerbe.dates',
  name: { de: 'Plausibilität der Daten', en: 'Plausible dates' },
  legalSource: '§ 14 Abs. 1 GewO, § 146 Abs. 2 Nr. 2 GewO',
  prepare: loadSettings,
  check(data, ctx): Finding[] {
    const findings: Finding[] = [];
    const start = text(data, 'startDate') ?? text(data, 'changeDate');
    const lead = ctx.prepared.maxStartLeadDays ?? 28;
    if (start && start > addDays(ctx.today, lead)) {
      findings.push({
        code: 'gewerbe.start-far-ahead',
        severity: 'warning',
        fieldPath: text(data, 'startDate') ? 'startDate' : 'changeDate',
        message: { de: `Der Beginn am ${start} liegt mehr als ${lead} Tage in der Zukunft; die Anzeige ist gleichzeitig mit dem Beginn zu erstatten.`, en: `The start on ${start} is more than ${lead} days ahead; the notification is due when the business starts.` },
      });
    }
    const late = start ?? text(data, 'closeDate');
    if (late && late < addDays(ctx.today, -28)) {
      findings.push({
        code: 'gewerbe.late-notification',
        severity: 'info',
        message: { de: `Das angezeigte Datum ${late} liegt mehr als vier Wochen zurück (verspätete Anzeige, § 146 Abs. 2 Nr. 2 GewO).`, en: `The date ${late} is more than four weeks ago (late notification, § 146 (2) no. 2 GewO).` },
      });
    }
    return findings;
  },
});
