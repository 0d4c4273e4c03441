/**
 * Rules about the notifying person: age (§ 112 BGB) and the residence title of nationals of
 * states outside the EU, the EEA and Switzerland (§ 4a AufenthG). Neither refuses the
 * notification; both put the case before a person (gewerbe.md § 8.1).
 */
import { defineRule } from '../../../definitions/rules/rule.js';
import type { Finding } from '../../../definitions/rules/finding.js';
import { loadGewerbeCodeLists } from '../code-lists.js';
import { ageOn, effectiveDate, flag, text } from './case-data.js';

/** A minor needs the parents' authorisation with the family court's approval (§ 112 BGB). */
export const minorApplicantRule = defineRule({
  id: 'gewerbe.minor-applicant',
  name: { de: 'Minderjährige anzeigende Person', en: 'Person notifying under 18' },
  legalSource: '§ 112 BGB',
  check(data, ctx): Finding[] {
    const birthDate = text(data, 'birthDate');
    if (!birthDate) return [];
    const day = [effectiveDate(data), ctx.today].filter((d): d is string => Boolean(d)).sort()[0]!;
    const age = ageOn(birthDate, day);
    if (age >= 18) return [];
    const documents = Array.isArray(data.courtAuthorization) && data.courtAuthorization.length > 0;
    return [
      {
        code: 'gewerbe.minor',
        severity: 'warning',
        fieldPath: 'birthDate',
        message: {
          de: `Die anzeigende Person ist bei Beginn ${age} Jahre alt. Nötig sind die Ermächtigung der gesetzlichen Vertreter und die Genehmigung des Familiengerichts (§ 112 BGB)${documents ? '; Unterlagen wurden hochgeladen und sind zu prüfen' : '; Unterlagen fehlen'}.`,
          en: `The person notifying is ${age} at the start. The legal guardians' authorisation and the family court's approval are needed (§ 112 BGB)${documents ? '; documents were uploaded and need checking' : '; documents are missing'}.`,
        },
      },
    ];
  },
});

/** True when a nationality needs no residence title for self-employment (EU, EEA, Switzerland). */
export function hasFreeMovement(iso: string | undefined, nationalities = loadGewerbeCodeLists().nationalities): boolean {
  return iso !== undefined && nationalities.get(iso)?.freeMovement === true;
}

/** True when the person holds only nationalities outside the EU, the EEA and Switzerland. */
export function isThirdCountryNational(data: Readonly<Record<string, unknown>>, nationalities = loadGewerbeCodeLists().nationalities): boolean {
  const first = text(data, 'nationality');
  if (!first) return false;
  return !hasFreeMovement(first, nationalities) && !hasFreeMovement(text(data, 'secondNationality'), nationalities);
}

/** True when the person is not (only) German: the foreigners authority receives the notification. */
export function isForeignNational(data: Readonly<Record<string, unknown>>): boolean {
  const first = text(data, 'nationality');
  return first !== undefined && first !== 'DE' && text(data, 'secondNationality') !== 'DE';
}

/** A third-country national needs a residence title that allows self-employment. */
export function residenceTitleRule(nationalities = loadGewerbeCodeLists().nationalities) {
  return defineRule({
    id: 'gewerbe.residence-title',
    name: { de: 'Aufenthaltstitel bei Drittstaatsangehörigen', en: 'Residence title of third-country nationals' },
    legalSource: '§ 4a Abs. 1 und 3 AufenthG',
    check(data): Finding[] {
      if (!isThirdCountryNational(data, nationalities)) return [];
      const title = flag(data, 'residenceTitle');
      const allowed = flag(data, 'selfEmploymentAllowed');
      if (title === true && allowed === true) {
        return [
          {
            code: 'gewerbe.residence-title-present',
            severity: 'info',
            fieldPath: 'residenceTitle',
            message: { de: 'Aufenthaltstitel mit Erlaubnis zur selbständigen Tätigkeit angegeben; die Ausländerbehörde erhält die Anzeige.', en: 'Residence title allowing self-employment stated; the foreigners authority receives the notification.' },
          },
        ];
      }
      const missing = title !== true;
      return [
        {
          code: missing ? 'gewerbe.residence-title-missing' : 'gewerbe.self-employment-not-allowed',
          severity: 'warning',
          fieldPath: missing ? 'residenceTitle' : 'selfEmploymentAllowed',
          message: missing
            ? { de: 'Die anzeigende Person ist Drittstaatsangehörige und hat keinen Aufenthaltstitel angegeben. Die Erlaubnis zur selbständigen Tätigkeit ist zu klären.', en: 'The person notifying is a third-country national and stated no residence title. The permission to be self-employed needs clarifying.' }
            : { de: 'Der angegebene Aufenthaltstitel erlaubt keine selbständige Tätigkeit.', en: 'The residence title stated does not allow self-employment.' },
        },
      ];
    },
  });
}
