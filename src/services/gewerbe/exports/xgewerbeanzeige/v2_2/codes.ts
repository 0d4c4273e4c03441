/**
 * XGewerbeanzeige 2.2 code values and code-list versions as the platform sends them. Marked by
 * confidence as in gewerbe.md: [B] taken from the official example `xgwa2.2-valid.xml`, [A]
 * derived (form order, same scheme), [?] unknown — such values are left out of the message
 * rather than guessed. Replace the [A]/[?] entries from the XRepository code lists before go-live.
 */
import type { RecipientId } from '../../../recipients/recipient-catalogue.js';

export const XGA_NAMESPACE = 'http://www.xgewerbeanzeige.de/spezifikation/2.2';
export const XGA_VERSION = '2.2';

/** Message root element and type code per recipient. [B] abh 0500, dgu 0230, lue 0290, sta 0100, alg 0300 (names); the mapping of the others to the general message is [A]. */
export function messageTypeOf(recipient: RecipientId): { root: string; code: string } {
  switch (recipient) {
    case 'auslaenderbehoerde':
      return { root: 'abh.gewerbemeldung.0500', code: '0500' };
    case 'dguv':
      return { root: 'dgu.gewerbemeldung.0230', code: '0230' };
    case 'lebensmittelueberwachung':
      return { root: 'lue.gewerbemeldung.0290', code: '0290' };
    case 'statistik':
      return { root: 'sta.gewerbemeldung.0100', code: '0100' };
    default:
      return { root: 'alg.gewerbemeldung.0300', code: '0300' };
  }
}

/** listVersionID attributes as in the example [B]. */
export const LIST_VERSIONS = {
  dvdvPraefix: '7',
  ags: '2018-01-31',
  gemeindeSchluessel: '2019-05-31',
  gerichtSchluessel: '5',
  geschlecht: '3',
  staatsangehoerigkeit: '2019-04-01',
  nation: '2',
} as const;

export const AGS_LIST_URI = 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags';

/** Erreichbarkeit channel codes: 01 e-mail, 02 telephone [B], 09 web [B]. */
export const CHANNEL = { email: '01', phone: '02', web: '09' } as const;

/** janein: 0/1 [B]. */
export const yesNo = (value: boolean | undefined): '0' | '1' => (value ? '1' : '0');

/** geschlecht: 1 male [B]; 2 female, 3 diverse, 4 unspecified [A]. */
export const SEX: Readonly<Record<string, string>> = { male: '1', female: '2', diverse: '3', unspecified: '4' };

/** niederlassungArt: 1 Hauptniederlassung [B]; 2 Zweigniederlassung, 3 unselbständige Zweigstelle [A]. */
export const ESTABLISHMENT_KIND: Readonly<Record<string, string>> = { main: '1', branch: '2', 'dependent-branch': '3' };

/** rechtsformSchluessel: 170 e.K. [B]; the other forms are [?] and left out. */
export const LEGAL_FORM: Readonly<Record<string, string>> = { 'registered-merchant': '170' };

/** eintragungArt by register type: A for HRA [B]; the others follow the register's letters [A]. */
export const REGISTER_KIND: Readonly<Record<string, string>> = { HRA: 'A', HRB: 'B', GnR: 'GnR', PR: 'PR', VR: 'VR', GsR: 'GsR' };

/** grundAnmeldungSchluessel: 01 new business [B]; the others in the form's order [A]. */
export const REGISTRATION_REASON: Readonly<Record<string, string>> = {
  new: '01',
  relocation: '02',
  conversion: '03',
  'legal-form-change': '04',
  'partner-joined': '05',
  takeover: '06',
};

/** grundUmmeldungSchluessel in the form's order [A]. */
export const CHANGE_REASON: Readonly<Record<string, string>> = {
  relocation: '01',
  'activity-change': '02',
  'activity-extension': '03',
  'activity-reduction': '04',
  'sideline-change': '05',
  'name-change': '06',
};

/** grundAbmeldungSchluessel and ursacheAbmeldungSchluessel in the form's order [A]. */
export const DEREGISTRATION_REASON: Readonly<Record<string, string>> = {
  complete: '01',
  'relocation-away': '02',
  'legal-form-change': '03',
  'partner-left': '04',
  conversion: '05',
  handover: '06',
};
export const CLOSURE_CAUSE: Readonly<Record<string, string>> = { 'age-health': '01', economic: '02', insolvency: '03', other: '04' };

/** personFunktion: 1 the trader / person notifying [B]; 2 further legal representative [A]. */
export const PERSON_ROLE = { notifying: '1', representative: '2' } as const;

/** Germany's key in `nationSchluessel` (ISO 3166 numeric) [B]. */
export const GERMANY_NATION = '276';
