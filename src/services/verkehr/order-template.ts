/**
 * The Anordnung (verkehr.md § 7.5): authority and addressee, what is ordered (signs by StVO
 * number, place, period and daily times, the latest set-up day of no-parking signs), legal basis,
 * conditions from the municipality's catalogue, notes, the fee decision under GebOSt with the
 * municipality's amount, and the legal-remedy notice. The letterhead, date, reference and the QR
 * verification code come from the document layout.
 *
 * Official documents are German; the template reads the tenant's settings as the package's
 * `tenantSettings` delivers them (traffic settings plus `land` and `authorityRole`).
 */
import { formatMoney } from '../../platform/i18n/i18n.js';
import { createWorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Land } from '../../platform/calendar/public-holidays.js';
import type { DocumentBlock } from '../../modules/documents/blocks.js';
import type { DocumentCase, DocumentContext, DocumentTemplate, DocumentTenant } from '../../modules/documents/document-template.js';
import { germanDate, longDate } from './date-text.js';
import { latestSetupDate } from './lead-times.js';
import { readTrafficApplication, type TrafficApplication } from './traffic-application.js';
import { trafficSettingsOf, type TrafficSettings } from './traffic-settings.js';

const CASE_TITLES: Record<TrafficApplication['caseType'], string> = {
  HVZ: 'Halteverbotszone',
  BAU: 'Arbeitsstelle im Straßenraum (§ 45 Abs. 6 StVO)',
  HUB: 'Kran, Möbellift oder Hubarbeitsbühne',
  CON: 'Container, Gerüst oder Material im Straßenraum',
  VER: 'Veranstaltung im Straßenraum',
};
const SIGN_NAMES = { '283': 'Zeichen 283 (Absolutes Haltverbot)', '286': 'Zeichen 286 (Eingeschränktes Haltverbot)' };
const SIDES = { even: 'Seite der geraden Hausnummern', odd: 'Seite der ungeraden Hausnummern', both: 'beide Straßenseiten' };

type Data = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Data => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function addressLines(address: unknown): string[] {
  const a = obj(address);
  return [`${text(a.street)} ${text(a.houseNumber)}`.trim(), `${text(a.postalCode)} ${text(a.town)}`.trim()].filter(Boolean);
}

function personName(name: unknown): string {
  const n = obj(name);
  return [text(n.title), text(n.given), text(n.family)].filter(Boolean).join(' ');
}

/** The addressee: the contractor for works (§ 45 Abs. 6 StVO), else the applicant. */
function addressee(data: Data, caseType: TrafficApplication['caseType']): string[] {
  if (caseType === 'BAU') {
    const c = obj(data.contractor);
    return [text(c.name), ...addressLines(c.address)].filter(Boolean);
  }
  return [text(data.organisation), personName(data.name), ...addressLines(data.address)].filter(Boolean);
}

function placeText(app: TrafficApplication): string {
  const l = app.location;
  const parts = [l.street];
  if (l.houseNumberFrom) parts.push(l.houseNumberTo && l.houseNumberTo !== l.houseNumberFrom ? `Hausnummern ${l.houseNumberFrom} bis ${l.houseNumberTo}` : `Hausnummer ${l.houseNumberFrom}`);
  if (l.side) parts.push(SIDES[l.side]);
  if (l.lengthMeters !== undefined) parts.push(`Länge ${l.lengthMeters.toLocaleString('de-DE')} m`);
  return parts.join(', ');
}

function signsText(app: TrafficApplication, settings: TrafficSettings): string[] {
  const sign = SIGN_NAMES[app.signType ?? settings.defaultSign];
  const noParking = `${sign} mit Zusatzzeichen für Anfang und Ende der Zone (Pfeile) und für Zeitraum und Uhrzeit`;
  if (app.caseType === 'HVZ') return [noParking];
  const signs: string[] = [];
  if (app.caseType === 'BAU') {
    signs.push(app.signPlanKind === 'regelplan' && app.regelplan ? `Beschilderung nach Regelplan ${app.regelplan.startsWith('RSA') ? app.regelplan : `RSA 21 ${app.regelplan}`}` : 'Beschilderung nach dem vorgelegten Verkehrszeichenplan');
  } else {
    signs.push('Absperrung mit Absperrschranken (Zeichen 600) und Warnleuchten, wo nötig');
  }
  if (app.includesNoParking) signs.push(noParking);
  return signs;
}

function legalBasis(app: TrafficApplication, role: 'local' | 'lower'): string {
  const competence = role === 'lower' ? '§ 3 SächsStrVRG' : '§ 2 SächsStrVRG';
  const stvo: Record<TrafficApplication['caseType'], string> = {
    HVZ: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Abs. 3 StVO',
    BAU: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1, Abs. 3 und Abs. 6 StVO',
    HUB: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1 und Abs. 3 StVO; Sondernutzung: §§ 18, 21 SächsStrG',
    CON: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1 und Abs. 3 StVO; Sondernutzung: §§ 18, 21 SächsStrG',
    VER: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Abs. 3 StVO; Sondernutzung: §§ 18, 21 SächsStrG',
  };
  return `${stvo[app.caseType]}; ${competence} in Verbindung mit § 35 VwVfG`;
}

function tenor(app: TrafficApplication, settings: TrafficSettings, land: Land | undefined): { label: string; value: string }[] {
  const rows = [
    { label: 'Maßnahme', value: CASE_TITLES[app.caseType] },
    { label: 'Verkehrszeichen', value: signsText(app, settings).join('; ') },
    { label: 'Ort', value: placeText(app) },
  ];
  if (app.period) rows.push({ label: 'Zeitraum', value: `${longDate(app.period.from).de} bis ${longDate(app.period.to).de}` });
  if (app.dailyWindow) rows.push({ label: 'Tägliche Uhrzeit', value: `${app.dailyWindow.from} bis ${app.dailyWindow.to} Uhr` });
  if (app.includesNoParking && app.period) {
    const calendar = createWorkingDayCalendar({ land: land ?? 'SN' });
    const setup = latestSetupDate(app.period.from, settings, calendar);
    rows.push({ label: 'Aufstellen der Schilder', value: `spätestens am ${longDate(setup).de} (${germanDate(setup)}), ${settings.setupFullDays} volle Tage vor Beginn` });
  }
  return rows;
}

function notes(app: TrafficApplication): string[] {
  const list = ['Die Verkehrszeichen stellt die antragstellende Seite auf eigene Kosten bereit und auf.'];
  if (app.includesNoParking) list.push('Gegen parkende Fahrzeuge wirkt das Haltverbot erst, wenn die Schilder drei volle Tage gestanden haben; bei späterem Aufstellen trägt die antragstellende Seite die Kosten eines Abschleppens.');
  list.push('Andere Erlaubnisse (z. B. Sondernutzung, Aufbruch, Baugenehmigung) sind in dieser Anordnung nicht enthalten, soweit sie nicht ausdrücklich erteilt werden.');
  if (app.caseType === 'BAU') list.push('Die Richtlinien für die Sicherung von Arbeitsstellen an Straßen (RSA 21) und die ZTV-SA 97 sind zu beachten.');
  return list;
}

/** The conditions consulted parties set, as the procedure's document facts carry them. */
function partyConditionLines(context: DocumentContext): string[] {
  const list = Array.isArray(context.facts?.partyConditions) ? (context.facts.partyConditions as { party?: unknown; text?: unknown }[]) : [];
  return list.filter((c) => typeof c.party === 'string' && typeof c.text === 'string').map((c) => `${String(c.text)} (Auflage von ${String(c.party)})`);
}

const SPECIAL_USES: Partial<Record<TrafficApplication['caseType'], string>> = {
  HUB: 'das Aufstellen des Hubgeräts',
  CON: 'das Aufstellen des Containers, Gerüsts oder Materials',
  VER: 'die Veranstaltung mit ihren Ständen und Aufbauten',
  BAU: 'die Arbeitsstelle (Aufbruch und Baustelleneinrichtung)',
};

/**
 * Where the road is used beyond common use, the office decides the special use in the same notice
 * (one application, both decisions, verkehr.md § 1.4): cranes, containers, events, and works whose
 * applicant asked for the permit with this application.
 */
function specialUseBlocks(app: TrafficApplication, tenantName: string): DocumentBlock[] {
  const applies = app.caseType === 'HUB' || app.caseType === 'CON' || app.caseType === 'VER' || (app.caseType === 'BAU' && app.roadPermit === 'withThisApplication');
  if (!applies || !app.period) return [];
  return [
    { type: 'heading', text: '3a. Sondernutzungserlaubnis' },
    {
      type: 'paragraph',
      text: `Für ${SPECIAL_USES[app.caseType]} auf der öffentlichen Verkehrsfläche (${placeText(app)}) wird vom ${germanDate(app.period.from)} bis ${germanDate(app.period.to)} die Sondernutzung nach § 18 SächsStrG widerruflich erlaubt. Die Auflagen dieser Anordnung gelten auch für die Sondernutzung. Die Sondernutzungsgebühr setzt die ${tenantName} nach ihrer Sondernutzungssatzung gesondert fest (§ 21 SächsStrG).`,
    },
  ];
}

/** Builds the order's blocks (exported for tests of single parts). */
export function buildOrder(c: DocumentCase, tenant: DocumentTenant, context: DocumentContext): { addressee: string[]; blocks: DocumentBlock[] } {
  const app = readTrafficApplication(c.data);
  if (!app) throw new Error(`Case ${c.reference} holds no traffic-order application`);
  const settings = trafficSettingsOf(context.settings);
  const role = context.settings.authorityRole === 'lower' ? 'lower' : 'local';
  const fee = settings.fees[app.caseType];
  const payer = obj(c.data.payer);
  const debtor = c.data.payerDiffers === true ? text(payer.name) : addressee(c.data, app.caseType)[0] ?? '';
  const authority = `${tenant.officialName}, ${settings.department}`;
  const blocks: DocumentBlock[] = [
    { type: 'paragraph', text: [{ text: authority, strong: true }] },
    { type: 'paragraph', text: `Auf Ihren Antrag vom ${germanDate(c.submittedAt.toISOString().slice(0, 10))} ergeht folgende verkehrsrechtliche Anordnung:` },
    { type: 'heading', text: '1. Anordnung' },
    { type: 'keyValue', rows: tenor(app, settings, context.settings.land as Land | undefined) },
    { type: 'heading', text: '2. Rechtsgrundlage' },
    { type: 'paragraph', text: legalBasis(app, role) },
    { type: 'heading', text: '3. Auflagen' },
    { type: 'list', ordered: true, items: [...settings.conditions.filter((k) => k.caseTypes.includes(app.caseType)).map((k) => k.text.de), ...partyConditionLines(context)] },
    ...specialUseBlocks(app, tenant.officialName),
    { type: 'heading', text: '4. Hinweise' },
    { type: 'list', items: notes(app) },
    { type: 'paragraph', text: 'Einer Begründung bedarf es nicht, weil dem Antrag entsprochen wird (§ 39 Abs. 2 Nr. 1 VwVfG).' },
    { type: 'heading', text: '5. Gebührenfestsetzung' },
    {
      type: 'keyValue',
      rows: [
        { label: `Gebühr nach Nr. ${fee.gebOStNumber} der Anlage zu § 1 GebOSt`, value: formatMoney(fee.amountCents, 'de') },
        { label: 'Gebührenschuldner', value: debtor },
        { label: 'Fälligkeit', value: 'zwei Wochen nach Bekanntgabe' },
        { label: 'Verwendungszweck', value: c.reference },
      ],
    },
    { type: 'legalRemedy', heading: 'Rechtsbehelfsbelehrung', text: settings.legalRemedy.de.replace('{authority}', tenant.officialName).replace('{address}', `${tenant.address.street}, ${tenant.address.postalCode} ${tenant.address.town}`) },
    {
      type: 'signature',
      lines: ['Im Auftrag', settings.department],
      note: 'Dieser Bescheid wurde elektronisch erstellt und von einer Sachbearbeiterin oder einem Sachbearbeiter freigegeben; er ist ohne Unterschrift gültig (§ 37 Abs. 5 VwVfG).',
    },
  ];
  return { addressee: addressee(c.data, app.caseType), blocks };
}

/** The order template (`generateDocument { template: "order" }`). */
export const orderTemplate: DocumentTemplate = {
  id: 'order',
  version: 3,
  kind: 'order',
  title: { de: 'Verkehrsrechtliche Anordnung', en: 'Traffic order' },
  build: (c, tenant, context) => buildOrder(c, tenant, context),
};
