/**
 * Countries for foreign addresses: ISO 3166-1 alpha-2 codes (plus XK for Kosovo, which German
 * authorities use), with names in German and English from the runtime's ICU data.
 */
import type { Choice } from './field-type.js';

/** ISO 3166-1 alpha-2 codes, plus XK. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

// Names and their order depend only on the runtime's ICU data, so they are worked out once: every
// address field on a form page lists all countries, and building the list (Intl.DisplayNames,
// sorting by German collation) took more CPU than the rest of the page (B2 profile).
const regionNames = { de: new Intl.DisplayNames(['de'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
let sortedChoices: readonly Choice[] | undefined;

function buildCountryChoices(): readonly Choice[] {
  const all = COUNTRY_CODES.map((code) => ({ value: code, label: { de: regionNames.de.of(code) ?? code, en: regionNames.en.of(code) ?? code } }));
  const germany = all.filter((c) => c.value === 'DE');
  const others = all.filter((c) => c.value !== 'DE').sort((a, b) => a.label.de.localeCompare(b.label.de, 'de'));
  return [...germany, ...others];
}

/** The country choices, Germany first, the rest sorted by their German name. */
export function countryChoices(): Choice[] {
  sortedChoices ??= buildCountryChoices();
  return [...sortedChoices];
}

/** The name of a country in a language. */
export function countryName(code: string, locale: 'de' | 'en'): string {
  return regionNames[locale].of(code) ?? code;
}
