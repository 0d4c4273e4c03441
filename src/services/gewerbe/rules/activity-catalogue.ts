/**
 * What an activity may need besides the notification (gewerbe.md § 4): permits under §§ 30–34i
 * GewO and other laws, and the Handwerksordnung's Anlage A (Meisterpflicht, Handwerkskarte),
 * B1 (zulassungsfrei) and B2 (handwerksähnlich). Each entry matches by WZ 2008 code (prefix of
 * the chosen code) or by keywords in the activity text, because WZ does not separate every case
 * (68.31 estate agent vs. own letting, 56.30 with or without alcohol, 49.32 taxi vs. courier).
 * A match is never a refusal: it becomes a finding for a person and a note on the receipt.
 */
import type { Localized } from '../../../platform/db/schema.js';

/** A permit or registration an activity may need. */
export interface PermitRequirement {
  id: string;
  legalSource: string;
  /** What the activity is, e.g. "Immobilienmakler". */
  activity: Localized;
  /** What the applicant needs, e.g. "eine Erlaubnis nach § 34c GewO". */
  needs: Localized;
  /** WZ 2008 codes (a chosen code matches when it starts with one of them). */
  wz: readonly string[];
  keywords?: RegExp;
  /** `permit`: needed before starting (finding for review, note on the receipt); `registration`: a further step only. */
  kind: 'permit' | 'registration';
}

/** A craft of the Handwerksordnung. */
export interface CraftRequirement {
  id: string;
  annex: 'A' | 'B1' | 'B2';
  craft: Localized;
  wz: readonly string[];
  keywords?: RegExp;
}

const permit = (id: string, legalSource: string, activity: Localized, needs: Localized, wz: string[], keywords?: RegExp, kind: 'permit' | 'registration' = 'permit'): PermitRequirement => ({
  id,
  legalSource,
  activity,
  needs,
  wz,
  ...(keywords ? { keywords } : {}),
  kind,
});

const gewoPermit = (id: string, paragraph: string, de: string, en: string, wz: string[], keywords: RegExp) =>
  permit(id, `§ ${paragraph} GewO`, { de, en }, { de: `eine Erlaubnis nach § ${paragraph} GewO`, en: `a permit under § ${paragraph} GewO` }, wz, keywords);

/** Permits and registrations, GewO first. */
export const PERMITS: readonly PermitRequirement[] = [
  gewoPermit('gewo-30', '30', 'Privatkrankenanstalt', 'private hospital', ['86.10'], /privat(klinik|krankenanstalt)|entbindungsheim|nervenklinik/),
  gewoPermit('gewo-33a', '33a', 'Schaustellung von Personen', 'exhibition of persons', [], /schaustellung von personen|striptease|peep-?show/),
  gewoPermit('gewo-33c', '33c', 'Aufstellen von Spielgeräten mit Gewinnmöglichkeit', 'gaming machines with prizes', ['92.00'], /spiel(gerät|automat)|geldspielgerät|glücksspielautomat/),
  gewoPermit('gewo-33i', '33i', 'Spielhalle', 'amusement arcade', [], /spielhalle|spielothek|spielcasino/),
  gewoPermit('gewo-34', '34', 'Pfandleiher', 'pawnbroker', ['64.92'], /pfand(leih|kredit|vermittl)/),
  gewoPermit('gewo-34a', '34a', 'Bewachungsgewerbe', 'security services', ['80.10'], /bewachung|wach(dienst|schutz)|sicherheitsdienst|objektschutz|personenschutz|türsteher/),
  gewoPermit('gewo-34b', '34b', 'Versteigerer', 'auctioneer', [], /versteiger|auktionat|auktionshaus/),
  gewoPermit('gewo-34c', '34c', 'Immobilienmakler, Darlehensvermittler, Bauträger, Baubetreuer, Wohnimmobilienverwalter', 'estate agent, loan broker, property developer, residential property manager', ['68.31', '41.10', '68.32'], /immobilien(makl|vermittl)|(?<!versicherungs|börsen|finanz)makler|wohnungsvermittl|grundstücksvermittl|bauträger|baubetreu|(wohn)?immobilienverwalt|weg-verwalt|hausverwalt|darlehensvermittl/),
  gewoPermit('gewo-34d', '34d', 'Versicherungsvermittler', 'insurance intermediary', ['66.22'], /versicherungs(vermittl|makl|vertret|agent)/),
  gewoPermit('gewo-34e', '34e', 'Versicherungsberater', 'insurance adviser', ['66.29'], /versicherungsberat/),
  gewoPermit('gewo-34f', '34f', 'Finanzanlagenvermittler', 'financial investment intermediary', ['66.19'], /finanzanlagenvermittl|anlagevermittl|fondsvermittl|vermögensanlagen/),
  gewoPermit('gewo-34h', '34h', 'Honorar-Finanzanlagenberater', 'fee-based investment adviser', [], /honorar-?finanzanlagenberat/),
  gewoPermit('gewo-34i', '34i', 'Immobiliardarlehensvermittler', 'residential mortgage broker', [], /immobiliardarlehen|baufinanzierungsvermittl/),
  permit('gastg', 'GastG / Landesgaststättenrecht', { de: 'Gaststätte mit Alkoholausschank', en: 'bar or restaurant serving alcohol' }, { de: 'je nach Landesrecht eine Gaststättenerlaubnis oder -anzeige', en: 'a restaurant licence or notification, depending on state law' }, ['56.30'], /alkohol|ausschank|schankwirtschaft|kneipe|\bbar\b|gaststätte|weinstube|bierstube/),
  permit('pbefg', 'PBefG', { de: 'Personenbeförderung (Taxi, Mietwagen, Bus)', en: 'passenger transport (taxi, hire car, bus)' }, { de: 'eine Genehmigung nach dem Personenbeförderungsgesetz', en: 'a licence under the Passenger Transport Act' }, ['49.32', '49.39'], /taxi|mietwagen|personenbeförderung|fahrdienst|chauffeur|krankenfahrt|shuttle/),
  permit('guekg', 'GüKG', { de: 'Güterkraftverkehr mit Fahrzeugen über 3,5 t', en: 'road haulage with vehicles over 3.5 t' }, { de: 'eine Erlaubnis nach dem Güterkraftverkehrsgesetz (bei Fahrzeugen über 3,5 t)', en: 'a licence under the Road Haulage Act (vehicles over 3.5 t)' }, ['49.41'], /güterkraftverkehr|lkw-transport|schwertransport/),
  permit('aueg', 'AÜG', { de: 'Arbeitnehmerüberlassung', en: 'temporary agency work' }, { de: 'eine Erlaubnis der Bundesagentur für Arbeit nach dem AÜG', en: 'a permit of the Federal Employment Agency under the AÜG' }, ['78.20'], /arbeitnehmerüberlassung|zeitarbeit|personalleasing|leiharbeit/),
  permit('kwg', 'KWG', { de: 'Bank- oder Finanzdienstleistungen', en: 'banking or financial services' }, { de: 'eine Erlaubnis der BaFin nach dem Kreditwesengesetz', en: 'a BaFin licence under the Banking Act' }, ['64.19'], /bankgeschäft|finanzdienstleistung/),
  permit('rdg', 'RDG', { de: 'Inkassodienstleistungen', en: 'debt collection' }, { de: 'eine Registrierung nach dem Rechtsdienstleistungsgesetz', en: 'a registration under the Legal Services Act' }, ['82.91'], /inkasso|forderungseinzug/),
  permit('prostschg', 'ProstSchG', { de: 'Prostitutionsgewerbe', en: 'prostitution business' }, { de: 'eine Erlaubnis nach dem Prostituiertenschutzgesetz', en: 'a permit under the Prostitutes Protection Act' }, [], /prostitution|bordell|laufhaus|escort|erotikmassage/),
  permit('waffg', 'WaffG', { de: 'Handel mit Waffen oder Munition', en: 'trade in weapons or ammunition' }, { de: 'eine Erlaubnis nach dem Waffengesetz', en: 'a permit under the Weapons Act' }, [], /waffe|munition|büchsenmacher/),
  permit('sprengg', 'SprengG', { de: 'Umgang mit Sprengstoff oder Feuerwerk', en: 'explosives or fireworks' }, { de: 'eine Erlaubnis nach dem Sprengstoffgesetz', en: 'a permit under the Explosives Act' }, [], /sprengstoff|feuerwerk|pyrotechni/),
  permit('apog', 'ApoG', { de: 'Apotheke', en: 'pharmacy' }, { de: 'eine Erlaubnis nach dem Apothekengesetz', en: 'a licence under the Pharmacies Act' }, ['47.73'], /apotheke/),
  permit('fahrlg', 'FahrlG', { de: 'Fahrschule', en: 'driving school' }, { de: 'eine Erlaubnis nach dem Fahrlehrergesetz', en: 'a licence under the Driving Instructors Act' }, ['85.53'], /fahrschule/),
  permit('amg', '§ 50 AMG', { de: 'Einzelhandel mit freiverkäuflichen Arzneimitteln', en: 'retail of over-the-counter medicines' }, { de: 'den Nachweis der Sachkunde (§ 50 AMG) und eine Anzeige', en: 'proof of expertise (§ 50 AMG) and a notification' }, [], /arzneimittel/),
  permit('lebensmittel', 'Art. 6 VO (EG) Nr. 852/2004', { de: 'Lebensmittelbetrieb', en: 'food business' }, { de: 'die Registrierung bei der Lebensmittelüberwachung', en: 'registration with the food control authority' }, ['10.', '47.2', '47.81', '56.'], /lebensmittel|imbiss|catering|backwaren|speiseeis/, 'registration'),
];

const craft = (id: string, annex: CraftRequirement['annex'], de: string, en: string, wz: string[], keywords?: RegExp): CraftRequirement => ({
  id,
  annex,
  craft: { de, en },
  wz,
  ...(keywords ? { keywords } : {}),
});

/** Crafts by annex of the HwO (Stand HwO 2020; gewerbe.md § 4.2 marks the list [A]). */
export const CRAFTS: readonly CraftRequirement[] = [
  craft('friseur', 'A', 'Friseur', 'hairdresser', ['96.02.1'], /fris(eu|ö)r|barbier|barber/),
  craft('elektrotechniker', 'A', 'Elektrotechniker', 'electrician', ['43.21'], /elektro(install|techni)|elektriker/),
  craft('installateur', 'A', 'Installateur und Heizungsbauer', 'plumber and heating engineer', ['43.22'], /installateur|heizungsbau|sanitärinstall|klempner/),
  craft('kfz-techniker', 'A', 'Kraftfahrzeugtechniker', 'motor vehicle technician', ['45.20.1'], /kfz-(werkstatt|reparatur|techni)|autowerkstatt|kraftfahrzeugtechni/),
  craft('karosseriebauer', 'A', 'Karosserie- und Fahrzeugbauer, Fahrzeuglackierer', 'body builder, vehicle painter', ['45.20.3'], /karosserie|fahrzeugbau|autolackier/),
  craft('zweiradmechaniker', 'A', 'Zweiradmechaniker', 'two-wheeler mechanic', ['45.40'], /zweiradmechani|motorradwerkstatt/),
  craft('baecker', 'A', 'Bäcker', 'baker', ['10.71'], /bäcker/),
  craft('konditor', 'A', 'Konditor', 'confectioner', [], /konditor/),
  craft('fleischer', 'A', 'Fleischer', 'butcher', ['10.13'], /fleischer|metzger|schlachter/),
  craft('dachdecker', 'A', 'Dachdecker', 'roofer', ['43.91.1'], /dachdeck/),
  craft('zimmerer', 'A', 'Zimmerer', 'carpenter', ['43.91.2'], /zimmerei|zimmerer/),
  craft('stuckateur', 'A', 'Stuckateur', 'plasterer', ['43.31'], /stuckat|verputz/),
  craft('maler', 'A', 'Maler und Lackierer', 'painter and varnisher', ['43.34.1'], /(?<!kunst)maler|lackierer/),
  craft('glaser', 'A', 'Glaser', 'glazier', ['43.34.2'], /glaser/),
  craft('fliesenleger', 'A', 'Fliesen-, Platten- und Mosaikleger, Estrichleger, Parkettleger', 'tiler, screed layer, parquet layer', ['43.33'], /fliesen|estrich|parkett/),
  craft('tischler', 'A', 'Tischler', 'joiner', ['43.32', '31.09'], /tischler|schreiner/),
  craft('geruestbauer', 'A', 'Gerüstbauer', 'scaffolder', ['43.99.1'], /gerüstbau/),
  craft('ofenbauer', 'A', 'Ofen- und Luftheizungsbauer, Schornsteinfeger', 'stove builder, chimney sweep', ['43.99.2'], /ofenbau|schornstein/),
  craft('maurer', 'A', 'Maurer und Betonbauer', 'bricklayer and concrete worker', ['41.20'], /maurer|betonbau/),
  craft('strassenbauer', 'A', 'Straßenbauer', 'road builder', ['42.11'], /straßenbau/),
  craft('isolierer', 'A', 'Wärme-, Kälte- und Schallschutzisolierer', 'insulation worker', ['43.29'], /isolierer|wärmedämm/),
  craft('steinmetz', 'A', 'Steinmetz und Steinbildhauer', 'stonemason', ['23.70'], /steinmetz/),
  craft('metallbauer', 'A', 'Metallbauer', 'metalworker', ['25.11'], /metallbau|schlosser/),
  craft('feinwerkmechaniker', 'A', 'Feinwerkmechaniker', 'precision mechanic', ['25.62'], /feinwerkmechani/),
  craft('gesundheitshandwerke', 'A', 'Zahntechniker, Orthopädietechniker', 'dental or orthopaedic technician', ['32.50'], /zahntechni|orthopädie(schuh)?techni|orthopädieschuh/),
  craft('augenoptiker', 'A', 'Augenoptiker', 'optician', ['47.78.1'], /augenoptik|optiker/),
  craft('hoerakustiker', 'A', 'Hörakustiker', 'hearing aid acoustician', [], /hörakusti|hörgeräte/),
  craft('raumausstatter', 'A', 'Raumausstatter', 'interior decorator', [], /raumausstatt|polsterer/),
  craft('vulkaniseur', 'A', 'Vulkaniseur und Reifenmechaniker', 'tyre mechanic', [], /vulkanis|reifen(mechani|service|montage)/),
  craft('schilderhersteller', 'A', 'Schilder- und Lichtreklamehersteller', 'sign maker', [], /schilder|lichtreklame/),
  craft('goldschmied', 'B1', 'Gold- und Silberschmied', 'goldsmith', ['32.12'], /goldschmied|silberschmied/),
  craft('uhrmacher', 'B1', 'Uhrmacher', 'watchmaker', ['95.25'], /uhrmacher/),
  craft('fotograf', 'B1', 'Fotograf', 'photographer', ['74.20'], /fotograf/),
  craft('gebaeudereiniger', 'B1', 'Gebäudereiniger', 'building cleaner', ['81.21'], /gebäudereinig|glasreinig/),
  craft('kosmetiker', 'B1', 'Kosmetiker', 'beautician', ['96.02.2'], /kosmetik(studio|salon|behandlung)|kosmetiker|nageldesign/),
  craft('massschneider', 'B1', 'Maßschneider', 'tailor', ['14.13'], /maßschneider|damenschneider|herrenschneider/),
  craft('keramiker', 'B1', 'Keramiker', 'ceramicist', ['23.41'], /keramik|töpfer/),
  craft('brauer', 'B1', 'Brauer und Mälzer', 'brewer', ['11.05'], /brauerei|brauer/),
  craft('aenderungsschneider', 'B2', 'Änderungsschneider', 'clothing alterations', ['95.29'], /änderungsschneider/),
  craft('fahrzeugaufbereiter', 'B2', 'Fahrzeugaufbereiter', 'vehicle valeter', ['45.20.4'], /fahrzeugaufbereit|autoaufbereit/),
  craft('bodenleger', 'B2', 'Bodenleger', 'floor layer', [], /bodenleger/),
  craft('bestatter', 'B2', 'Bestatter', 'undertaker', ['96.03'], /bestatt/),
  craft('holzschutz', 'B2', 'Holz- und Bautenschutz', 'wood and building protection', [], /bautenschutz|bautentrockn/),
];
