/**
 * One record (`satz`) of an XGewerbeanzeige 2.2 message: the notification of a case as
 * anmeldung, ummeldung or abmeldung, in the element order of the standard. Every part is tagged
 * with its field number on the official form (FIELD_NUMBERS) and written only when the
 * recipient's filter passes it (§ 3 GewAnzV).
 */
import type { CaseData } from '../../../../../definitions/rules/rule.js';
import type { GewerbeCodeLists } from '../../../code-lists.js';
import { wzKey } from '../../../code-lists.js';
import { address, count, flag, furtherActivities, list, personName, text as answer, type Address } from '../../../rules/case-data.js';
import { CHANGE_REASON, CLOSURE_CAUSE, DEREGISTRATION_REASON, ESTABLISHMENT_KIND, GERMANY_NATION, LEGAL_FORM, LIST_VERSIONS, PERSON_ROLE, REGISTER_KIND, REGISTRATION_REASON, SEX, yesNo } from './codes.js';
import { passes, type FieldFilter, type GewerbeForm } from './field-filters.js';
import { child, code, text, type Node } from './xml-nodes.js';

/** The parts of a record, by what they hold. */
type Part =
  | 'registerName' | 'registerEntry' | 'familyName' | 'givenName' | 'birthName' | 'sex' | 'birthDate' | 'birthPlace' | 'birthCountry' | 'nationality'
  | 'personAddress' | 'tradeName' | 'publicParticipation' | 'businessContact' | 'premises' | 'mainEstablishment' | 'previousPremises' | 'activity'
  | 'previousActivity' | 'sideline' | 'effectiveDate' | 'businessKind' | 'employees' | 'establishmentKind' | 'itinerant' | 'reason' | 'previousOwner'
  | 'accidentInsurance' | 'craftCard' | 'residenceTitle' | 'successor' | 'closureCause';

const COMMON: Partial<Record<Part, number>> = {
  registerName: 1, registerEntry: 2, familyName: 3, givenName: 4, birthName: 5, sex: 6, birthDate: 7, birthPlace: 8, birthCountry: 9, nationality: 10,
  personAddress: 11, tradeName: 12, publicParticipation: 13, businessContact: 14, premises: 15, mainEstablishment: 16,
};

/** Field numbers per form (GewA1 [B/A] from gewerbe.md § 2.2; GewA2 [A]; GewA3 from § 2.4). */
export const FIELD_NUMBERS: Record<GewerbeForm, Partial<Record<Part, number>>> = {
  GewA1: { ...COMMON, previousPremises: 17, activity: 18, sideline: 19, effectiveDate: 20, businessKind: 21, employees: 22, establishmentKind: 23, itinerant: 24, reason: 25, previousOwner: 26, accidentInsurance: 27, craftCard: 29, residenceTitle: 30 },
  GewA2: { ...COMMON, previousPremises: 17, activity: 18, previousActivity: 19, sideline: 20, effectiveDate: 21, businessKind: 22, employees: 23, establishmentKind: 24, itinerant: 24, reason: 25, previousOwner: 26, accidentInsurance: 27, craftCard: 29, residenceTitle: 30 },
  GewA3: { ...COMMON, previousPremises: 17, activity: 18, sideline: 19, effectiveDate: 20, businessKind: 21, employees: 22, establishmentKind: 23, itinerant: 24, reason: 25, successor: 27, closureCause: 28 },
};

/** What a record is written from. */
export interface RecordInput {
  form: GewerbeForm;
  data: CaseData;
  codeLists: GewerbeCodeLists;
  /** Street keys of the municipality's directory, by street name. */
  streetKeys: ReadonlyMap<string, string>;
  filter: FieldFilter;
}

/** Splits "12-14" into from/to. */
function houseNumbers(n: string | undefined): { from?: string; to?: string } {
  const m = /^(\d+\s?[A-Za-z]?)\s?-\s?(\d+\s?[A-Za-z]?)$/.exec(n ?? '');
  return m ? { from: m[1], to: m[2] } : n ? { from: n } : {};
}

/** An address as XGewerbeanzeige writes it (nation as ISO numeric; Germany only, other states are left to the town field [?]). */
function writeAddress(parent: Node, name: string, a: Address, streetKey?: string): void {
  const node = child(parent, name);
  text(node, 'strasse', a.street);
  text(node, 'strassenschluessel', streetKey);
  const n = houseNumbers(a.houseNumber);
  text(node, 'hausNrVon', n.from);
  text(node, 'hausNrBis', n.to);
  text(node, 'ort', a.town);
  text(node, 'plz', a.postalCode);
  if (a.country === 'DE') code(node, 'nationSchluessel', GERMANY_NATION, { listVersionID: LIST_VERSIONS.nation });
}

/** `TTMMJJJJ` from `YYYY-MM-DD` (the example's birth date form). */
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

class RecordWriter {
  constructor(private readonly input: RecordInput) {}

  /** True when the recipient may receive this part of this form. */
  private ok(part: Part): boolean {
    const field = FIELD_NUMBERS[this.input.form][part];
    return field !== undefined && passes(this.input.filter, field);
  }

  private get data(): CaseData {
    return this.input.data;
  }

  betrieb(parent: Node): void {
    const node = child(parent, 'betrieb');
    text(node, 'ID', '1');
    if (this.ok('registerName')) text(node, 'eingetragenerName', answer(this.data, 'companyName'));
    if (this.ok('tradeName')) text(node, 'geschaeftsbezeichnung', answer(this.data, 'tradeName'));
    const register = /^(HRA|HRB|GnR|PR|VR|GsR) ?(\d+.*)$/.exec(answer(this.data, 'registerNumber') ?? '');
    if (register && this.ok('registerEntry')) {
      const court = this.input.codeLists.registerCourts.get(answer(this.data, 'registerCourt') ?? '');
      text(node, 'eintragungNr', register[2]);
      text(node, 'eintragungOrt', court?.town ?? answer(this.data, 'registerCourtOther'));
      text(node, 'eintragungPLZ', court?.postalCode);
      code(node, 'eintragungArt', REGISTER_KIND[register[1]!]);
      if (court && court.code !== 'other') code(node, 'gerichtSchluessel', court.code, { listVersionID: LIST_VERSIONS.gerichtSchluessel });
    }
    if (this.ok('registerName')) code(node, 'rechtsformSchluessel', LEGAL_FORM[answer(this.data, 'legalForm') ?? '']);
  }

  business(parent: Node): void {
    if (this.ok('employees')) {
      text(parent, 'anzahlVollzeitBeschaeftigte', count(this.data, 'fullTimeEmployees'));
      text(parent, 'anzahlTeilzeitBeschaeftigte', count(this.data, 'partTimeEmployees'));
    }
    if (this.ok('businessKind')) {
      const kinds = list(this.data, 'businessKinds');
      const node = child(parent, 'betriebArt');
      for (const [element, value] of [['industrie', 'industry'], ['handwerk', 'craft'], ['handel', 'trade'], ['sonstiges', 'other']] as const) code(node, element, yesNo(kinds.includes(value)));
    }
    if (this.ok('establishmentKind')) code(parent, 'niederlassungArt', ESTABLISHMENT_KIND[answer(this.data, 'establishmentKind') ?? '']);
    if (this.ok('itinerant')) code(parent, 'istReisegewerbe', yesNo(flag(this.data, 'itinerantTrade')));
    if (this.ok('sideline')) code(parent, 'istNebenerwerb', yesNo(flag(this.data, 'sideline')));
    if (this.ok('craftCard') && flag(this.data, 'craftCard') === true) {
      const chamber = this.input.codeLists.craftChambers.get(answer(this.data, 'craftChamber') ?? '');
      const node = child(parent, 'handwerkskarte');
      code(node, 'status', '1');
      text(node, 'ausgestelltAm', answer(this.data, 'craftCardDate'));
      text(node, 'ausgestelltVonPLZ', chamber?.postalCode);
      text(node, 'ausgestelltVonOrt', chamber?.town);
      code(node, 'ausgestelltVonSchluessel', chamber?.key);
    }
    const premises = address(this.data, 'businessAddress');
    if (premises && this.ok('premises')) writeAddress(parent, 'anschrift', premises, this.input.streetKeys.get(premises.street.toLowerCase()));
    const main = address(this.data, 'mainEstablishmentAddress');
    if (main && this.ok('mainEstablishment')) writeAddress(parent, 'hauptniederlassung', main);
  }

  person(parent: Node): void {
    const name = personName(this.data);
    if (!name) return;
    const node = child(parent, 'beteiligtePerson');
    code(node, 'personFunktion', PERSON_ROLE.notifying);
    if (this.ok('familyName')) {
      text(node, 'doktorgrad', name.title);
      text(node, 'familienname', name.family);
    }
    if (this.ok('givenName')) text(node, 'vorname', name.given);
    if (this.ok('sex')) code(node, 'geschlecht', SEX[answer(this.data, 'sex') ?? ''], { listVersionID: LIST_VERSIONS.geschlecht });
    if (this.ok('birthName')) text(node, 'geburtsname', name.birthName);
    const birthDate = answer(this.data, 'birthDate');
    if (birthDate && this.ok('birthDate')) text(node, 'geburtsdatum', ddmmyyyy(birthDate));
    if (this.ok('birthPlace')) text(node, 'geburtsort', answer(this.data, 'birthPlace'));
    if (this.ok('birthCountry')) text(node, 'geburtsland', this.input.codeLists.nationalities.get(answer(this.data, 'birthCountry') ?? '')?.de);
    if (this.ok('nationality')) {
      const keys = [answer(this.data, 'nationality'), answer(this.data, 'secondNationality')].map((iso) => this.input.codeLists.nationalities.get(iso ?? '')?.destatis).filter((k): k is string => Boolean(k));
      if (keys.length > 0) {
        const list = child(node, 'staatangehoerigkeiten');
        for (const key of keys) code(list, 'staatsangehoerigkeitSchluessel', key, { listVersionID: LIST_VERSIONS.staatsangehoerigkeit });
      }
    }
    const home = address(this.data, 'homeAddress');
    if (this.ok('personAddress')) {
      if (home) writeAddress(node, 'anschrift', home);
      this.reachability(node, answer(this.data, 'phone'), answer(this.data, 'email'));
    }
    if (this.ok('residenceTitle') && typeof flag(this.data, 'residenceTitle') === 'boolean') {
      const title = child(node, 'aufenthaltstitel');
      const holds = flag(this.data, 'residenceTitle') === true;
      code(title, 'status', holds ? '1' : '0');
      if (holds) {
        const issuer = (this.data.residenceTitleIssuer ?? {}) as { name?: string; postalCode?: string; town?: string };
        text(title, 'ausgestelltAm', answer(this.data, 'residenceTitleIssuedOn'));
        text(title, 'ausgestelltVonName', issuer.name);
        text(title, 'ausgestelltVonPLZ', issuer.postalCode);
        text(title, 'ausgestelltVonOrt', issuer.town);
      }
    }
  }

  private reachability(parent: Node, phone: string | undefined, email: string | undefined): void {
    for (const [channel, value] of [['02', phone], ['01', email]] as const) {
      if (!value) continue;
      const node = child(parent, 'erreichbarkeit');
      code(node, 'kanal', channel);
      text(node, 'kennung', value);
    }
  }

  gewerbe(parent: Node): void {
    const node = child(parent, 'gewerbe');
    this.betrieb(node);
    this.business(node);
    this.person(node);
    if (this.ok('publicParticipation')) code(node, 'beteiligungOeffentlicheHand', yesNo(flag(this.data, 'publicParticipation')));
  }

  activities(parent: Node): void {
    if (!this.ok('activity')) return;
    const node = child(parent, 'taetigkeitenGesamt');
    const main = child(node, 'schwerpunkt');
    text(main, 'taetigkeitSchwerpunkt', answer(this.data, 'activity'));
    const wz = answer(this.data, 'wzCode');
    const entry = wz ? this.input.codeLists.wz.get(wz) : undefined;
    text(main, 'taetigkeitSchluessel', wz ? wzKey(wz) : undefined);
    text(main, 'stichwort', entry ? (entry.keyword ?? entry.de) : undefined);
    const further = furtherActivities(this.data);
    if (further.length > 0) text(child(node, 'weitereTaetigkeiten'), 'taetigkeitenZusammengefasst', further.join('|'));
  }

  reasons(parent: Node): void {
    if (this.input.form === 'GewA1') {
      if (this.ok('reason')) code(parent, 'grundAnmeldungSchluessel', REGISTRATION_REASON[answer(this.data, 'reason') ?? '']);
    } else if (this.input.form === 'GewA2') {
      if (this.ok('reason')) {
        const reasons = list(this.data, 'changeReasons').map((r) => CHANGE_REASON[r]).filter((c): c is string => Boolean(c));
        if (reasons.length > 0) {
          const node = child(parent, 'gruendeUmmeldung');
          for (const c of reasons) code(node, 'grundUmmeldungSchluessel', c);
        }
      }
    } else {
      if (this.ok('reason')) code(parent, 'grundAbmeldungSchluessel', DEREGISTRATION_REASON[answer(this.data, 'reason') ?? '']);
      if (this.ok('closureCause')) code(parent, 'ursacheAbmeldungSchluessel', CLOSURE_CAUSE[answer(this.data, 'closureCause') ?? '']);
      if (this.ok('successor')) text(parent, 'kuenftigesGewerbe', answer(this.data, 'successor'));
    }
    const insurance = (this.data.previousInsurance ?? {}) as { carrier?: string; membershipNumber?: string };
    if (this.ok('accidentInsurance') && (insurance.carrier || insurance.membershipNumber)) {
      const node = child(parent, 'bisherigeUnfallversicherung');
      text(node, 'traeger', insurance.carrier);
      text(node, 'mitgliedsnummer', insurance.membershipNumber);
    }
  }

  effectiveDate(): string | undefined {
    return this.ok('effectiveDate') ? (answer(this.data, 'startDate') ?? answer(this.data, 'changeDate') ?? answer(this.data, 'closeDate')) : undefined;
  }
}

/** Writes the body of a record (gewerbe … reasons) after its header elements. */
export function writeRecordBody(satz: Node, input: RecordInput, submittedOn: string): void {
  const w = new RecordWriter(input);
  w.gewerbe(satz);
  text(satz, 'gueltigAb', w.effectiveDate());
  text(satz, 'datumMeldung', submittedOn);
  w.activities(satz);
  w.reasons(satz);
}
