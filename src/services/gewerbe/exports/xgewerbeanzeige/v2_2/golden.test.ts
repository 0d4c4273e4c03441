/**
 * Golden test against the official example `xgwa2.2-valid.xml` (KoSIT): a GewA1 holding the same
 * facts (the Chilean e.K. registering a hairdresser's business in Cottbus, Handwerkskarte and
 * residence title present) yields the Ausländerbehörde message element for element — except
 * the message and record UUIDs, the timestamps, the business id and the sending authority's own
 * data (author, municipality key, its reference number) and the product attributes.
 * Also: each recipient's message leaves out exactly the fields § 3 GewAnzV withholds from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../../../../definitions/validation/validate.js';
import { loadGewerbeCodeLists } from '../../../code-lists.js';
import { loadGewerbeDefinition } from '../../../index.js';
import { RECIPIENT_IDS } from '../../../recipients/recipient-catalogue.js';
import { recipientAuthority } from '../exporter.js';
import { FIELD_FILTERS, passes, type GewerbeForm } from './field-filters.js';
import { writeGewerbeMessage, type MessageInput } from './message-writer.js';
import { FIELD_NUMBERS } from './record-writer.js';
import { elementPaths, xmlLines } from './testing/xml-lines.js';

const codeLists = loadGewerbeCodeLists();
const example = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'xgwa2.2-valid.xml'), 'utf8');
const anmeldung = loadGewerbeDefinition(path.resolve(import.meta.dirname, '../../../definitions/gewerbe-anmeldung.json'), codeLists);

/** The facts of the example as GewA1 answers. */
const pickAnswers = {
  itinerantTrade: false,
  vendingMachines: false,
  legalForm: 'registered-merchant',
  companyName: 'Tibor Pick e.K.',
  registerCourt: 'G1103',
  registerNumber: 'HRA 11111',
  name: { given: 'Tibor', family: 'Pick', birthName: 'Rodríguez' },
  sex: 'male',
  birthDate: '1965-10-12',
  birthPlace: 'Santiago',
  birthCountry: 'CL',
  nationality: 'CL',
  homeAddress: { street: 'Ewald-Hase-Str.', houseNumber: '4', postalCode: '03044', town: 'Cottbus', country: 'DE' },
  phone: '0355 141455',
  residenceTitle: true,
  selfEmploymentAllowed: true,
  residenceTitleIssuedOn: '2002-01-02',
  residenceTitleIssuer: { name: 'Stadt Cottbus', postalCode: '03044', town: 'Cottbus' },
  establishmentKind: 'main',
  businessAddress: { street: 'Spremberger Str.', houseNumber: '90', postalCode: '03046', town: 'Cottbus', country: 'DE' },
  publicParticipation: false,
  activity: 'Friseur',
  wzCode: '96.02.1',
  furtherActivities: 'Verkauf von Haarpflegeprodukten\nMake-up-Beratung',
  sideline: false,
  startDate: '2016-08-01',
  businessKinds: ['craft'],
  fullTimeEmployees: 0,
  partTimeEmployees: 2,
  reason: 'new',
  permitNeeded: 'no',
  craftCard: true,
  craftChamber: 'hwk-cottbus',
  craftCardDate: '2012-03-01',
  truthful: true,
};

/** The reader of the example, as a municipality would configure its foreigners authority. */
const verteilplattform = recipientAuthority({
  name: 'Phantasie-Verteilplattform',
  channelId: 'abh',
  dvdv: { praefix: 'azr', praefixListVersion: '7', kennung: '000100', kennungListUri: 'urn:de:xauslaender:codelist:abhkennung', kennungListVersion: '14' },
  email: 'gewerbe@verteilplattform.cottbus.de',
  url: 'https://verteilplattform.cottbus.de',
  address: { street: 'Testallee', houseNumber: '42', postalCode: '03046', town: 'Cottbus' },
});

function message(over: Partial<MessageInput> = {}): string {
  return writeGewerbeMessage({
    form: 'GewA1',
    recipient: { id: 'auslaenderbehoerde', authority: verteilplattform },
    sender: { name: 'Gewerbeamt Wurzen', email: 'gewerbe@wurzen.example', address: { street: 'Friedrich-Ebert-Straße', houseNumber: '2', postalCode: '04808', town: 'Wurzen' } },
    ags: '14729410',
    reference: 'WUR-GEW-2016-000001',
    data: pickAnswers,
    submittedAt: new Date('2016-07-02T10:00:00Z'),
    businessId: '7b0e5a4e-0000-4000-8000-000000000001',
    messageId: '7b0e5a4e-0000-4000-8000-000000000002',
    recordId: '7b0e5a4e-0000-4000-8000-000000000003',
    now: new Date('2016-07-04T17:54:42Z'),
    codeLists,
    streetKeys: new Map([['spremberger str.', '0000001801']]),
    filter: FIELD_FILTERS.auslaenderbehoerde.GewA1!,
    product: { name: 'Rathaus Cloud', vendor: 'Rathaus Cloud', version: 'test' },
    ...over,
  });
}

/** Elements that legitimately differ: ids, timestamps, the sender's own data. */
const SKIP = new Set(['nachrichtenUUID', 'erstellungszeitpunkt', 'satzErstellung', 'ereigniszeitpunkt', 'uuid', 'autor', 'gemeindeSchluessel', 'gemeindeMeldungNr', 'gewerbebetriebID']);
/** The root's product attributes (the sending product's own data; `test` marks the KoSIT test suite). */
const PRODUCT = new Set(['produkt', 'produkthersteller', 'produktversion', 'test']);

describe('XGewerbeanzeige 2.2', () => {
  it('takes the example’s facts as valid GewA1 answers', () => {
    const result = validateSubmission(anmeldung, pickAnswers, { now: new Date('2016-07-02T10:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual(pickAnswers);
  });

  it('writes the Ausländerbehörde message of the example element for element (golden)', () => {
    const ours = xmlLines(message(), SKIP, PRODUCT);
    const theirs = xmlLines(example, SKIP, PRODUCT);
    expect(ours).toEqual(theirs);
    expect(theirs.length).toBeGreaterThan(90);
  });

  it('never writes a field § 3 GewAnzV withholds from a recipient, and writes the fields it passes (per recipient and form)', () => {
    // Element → form part; a rich case fills each of them.
    const parts: [string, string][] = [
      ['betrieb/eingetragenerName', 'registerName'], ['betrieb/eintragungNr', 'registerEntry'], ['beteiligtePerson/familienname', 'familyName'],
      ['beteiligtePerson/vorname', 'givenName'], ['beteiligtePerson/geburtsname', 'birthName'], ['beteiligtePerson/geschlecht', 'sex'],
      ['beteiligtePerson/geburtsdatum', 'birthDate'], ['beteiligtePerson/geburtsort', 'birthPlace'], ['beteiligtePerson/geburtsland', 'birthCountry'],
      ['beteiligtePerson/staatangehoerigkeiten', 'nationality'], ['beteiligtePerson/anschrift', 'personAddress'], ['betrieb/geschaeftsbezeichnung', 'tradeName'],
      ['gewerbe/beteiligungOeffentlicheHand', 'publicParticipation'], ['gewerbe/anschrift', 'premises'], ['gewerbe/hauptniederlassung', 'mainEstablishment'],
      ['taetigkeitenGesamt', 'activity'], ['gewerbe/istNebenerwerb', 'sideline'], ['gueltigAb', 'effectiveDate'], ['gewerbe/betriebArt', 'businessKind'],
      ['gewerbe/anzahlTeilzeitBeschaeftigte', 'employees'], ['gewerbe/niederlassungArt', 'establishmentKind'], ['gewerbe/istReisegewerbe', 'itinerant'],
      ['bisherigeUnfallversicherung', 'accidentInsurance'], ['gewerbe/handwerkskarte', 'craftCard'], ['beteiligtePerson/aufenthaltstitel', 'residenceTitle'],
      ['ursacheAbmeldungSchluessel', 'closureCause'], ['kuenftigesGewerbe', 'successor'],
    ];
    const rich = {
      ...pickAnswers,
      tradeName: 'Salon Pick',
      establishmentKind: 'branch',
      mainEstablishmentAddress: { street: 'Hauptstraße', houseNumber: '1', postalCode: '01067', town: 'Dresden', country: 'DE' },
      previousInsurance: { carrier: 'BGW', membershipNumber: '4711' },
      publicParticipation: true,
      changeReasons: ['relocation'],
      changeDate: '2016-08-01',
      closeDate: '2016-08-01',
      closureCause: 'economic',
      successor: 'Salon Nachfolger GmbH',
    };
    let checked = 0;
    for (const recipient of RECIPIENT_IDS) {
      for (const [form, filter] of Object.entries(FIELD_FILTERS[recipient]) as [GewerbeForm, NonNullable<(typeof FIELD_FILTERS)['ihk']['GewA1']>][]) {
        const data = form === 'GewA3' ? { ...rich, reason: 'complete' } : form === 'GewA2' ? rich : { ...rich, closureCause: undefined, successor: undefined };
        const paths = elementPaths(message({ form, data, recipient: { id: recipient, authority: verteilplattform }, filter }));
        for (const [element, part] of parts) {
          const field = (FIELD_NUMBERS[form] as Record<string, number | undefined>)[part];
          const expected = field !== undefined && passes(filter, field) && !(form !== 'GewA3' && (part === 'closureCause' || part === 'successor'));
          const present = paths.some((p) => p.endsWith(`/${element}`) || p.includes(`/${element}/`));
          expect(present, `${recipient} ${form}: ${element} (field ${field})`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('escapes what applicants typed and refuses XML with a DTD (XXE, entity expansion)', async () => {
    const xml = message({ data: { ...pickAnswers, activity: 'Friseur <![CDATA[x]]> & </xga:satz> "Salon"' } });
    expect(xml).toContain('Friseur &lt;![CDATA[x]]&gt; &amp; &lt;/xga:satz&gt; "Salon"');
    expect(xmlLines(xml).some((l) => l.endsWith('taetigkeitSchwerpunkt = Friseur <![CDATA[x]]> & </xga:satz> "Salon"'))).toBe(true);
    const { parseXmlSafely, UnsafeXmlError, validateWithXsd } = await import('../../safe-xml.js');
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>';
    for (const evil of [xxe, bomb, '<!doctype a><a/>']) {
      expect(() => parseXmlSafely(evil)).toThrow(UnsafeXmlError);
      await expect(validateWithXsd(evil, '/nonexistent.xsd')).rejects.toThrow(UnsafeXmlError);
    }
  });
});
