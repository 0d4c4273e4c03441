/**
 * The parts the traffic-order notices share: the order itself, the special-use permit issued with
 * it, and the extension order for a changed period. Each notice prints the same addressee, place,
 * signs and period in the same words, so a reader (police, Ordnungsamt, the applicant) finds the
 * one measure in all of them. Official documents are German.
 */
import { createWorkingDayCalendar } from '../../platform/calendar/working-day-calendar.js';
import type { Land } from '../../platform/calendar/public-holidays.js';
import type { DocumentBlock, KeyValueBlock } from '../../modules/documents/blocks.js';
import { formatMoney } from '../../platform/i18n/i18n.js';
import type { DocumentCase, DocumentContext, DocumentTenant } from '../../modules/documents/document-template.js';
import { germanDate, longDate } from './date-text.js';
import { latestSetupDate } from './lead-times.js';
import type { TrafficApplication } from './traffic-application.js';
import type { TrafficSettings } from './traffic-settings.js';

export const CASE_TITLES: Record<TrafficApplication['caseType'], string> = {
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
type Period = { from: string; to: string };

function addressLines(address: unknown): string[] {
  const a = obj(address);
  return [`${text(a.street)} ${text(a.houseNumber)}`.trim(), `${text(a.postalCode)} ${text(a.town)}`.trim()].filter(Boolean);
}

function personName(name: unknown): string {
  const n = obj(name);
  return [text(n.title), text(n.given), text(n.family)].filter(Boolean).join(' ');
}

/** The addressee: the contractor for works (§ 45 Abs. 6 StVO), else the applicant. */
export function addresseeLines(data: Data, caseType: TrafficApplication['caseType']): string[] {
  if (caseType === 'BAU') {
    const c = obj(data.contractor);
    return [text(c.name), ...addressLines(c.address)].filter(Boolean);
  }
  return [text(data.organisation), personName(data.name), ...addressLines(data.address)].filter(Boolean);
}

/** Who owes the fee: the payer the applicant named, else the addressee. */
export function feeDebtor(data: Data, caseType: TrafficApplication['caseType']): string {
  return data.payerDiffers === true ? text(obj(data.payer).name) : (addresseeLines(data, caseType)[0] ?? '');
}

/** Street, house numbers, side and length in one line. */
export function placeText(app: TrafficApplication): string {
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

/** The legal basis of the order: the StVO provisions of the case type and the authority's competence. */
export function orderLegalBasis(app: TrafficApplication, role: 'local' | 'lower'): string {
  const competence = role === 'lower' ? '§ 3 SächsStrVRG' : '§ 2 SächsStrVRG';
  const stvo: Record<TrafficApplication['caseType'], string> = {
    HVZ: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Abs. 3 StVO',
    BAU: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1, Abs. 3 und Abs. 6 StVO',
    HUB: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1 und Abs. 3 StVO',
    CON: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Satz 2 Nr. 1 und Abs. 3 StVO',
    VER: '§ 44 Abs. 1, § 45 Abs. 1 Satz 1 und Abs. 3 StVO',
  };
  return `${stvo[app.caseType]}; ${competence} in Verbindung mit § 35 VwVfG`;
}

/** What is ordered, where and when; `period` is the applied-for one or, in an extension order, the changed one. */
export function orderTenor(app: TrafficApplication, settings: TrafficSettings, land: Land | undefined, period: Period | undefined): { label: string; value: string }[] {
  const rows = [
    { label: 'Maßnahme', value: CASE_TITLES[app.caseType] },
    { label: 'Verkehrszeichen', value: signsText(app, settings).join('; ') },
    { label: 'Ort', value: placeText(app) },
  ];
  if (period) rows.push({ label: 'Zeitraum', value: `${longDate(period.from).de} bis ${longDate(period.to).de}` });
  if (app.dailyWindow) rows.push({ label: 'Tägliche Uhrzeit', value: `${app.dailyWindow.from} bis ${app.dailyWindow.to} Uhr` });
  if (app.includesNoParking && app.period) {
    const calendar = createWorkingDayCalendar({ land: land ?? 'SN' });
    const setup = latestSetupDate(app.period.from, settings, calendar);
    rows.push({ label: 'Aufstellen der Schilder', value: `spätestens am ${longDate(setup).de} (${germanDate(setup)}), ${settings.setupFullDays} volle Tage vor Beginn` });
  }
  return rows;
}

/** The conditions of the municipality's catalogue for the case type, then those consulted parties set. */
export function orderConditions(app: TrafficApplication, settings: TrafficSettings, context: DocumentContext): string[] {
  const list = Array.isArray(context.facts?.partyConditions) ? (context.facts.partyConditions as { party?: unknown; text?: unknown }[]) : [];
  const parties = list.filter((c) => typeof c.party === 'string' && typeof c.text === 'string').map((c) => `${String(c.text)} (Auflage von ${String(c.party)})`);
  return [...settings.conditions.filter((k) => k.caseTypes.includes(app.caseType)).map((k) => k.text.de), ...parties];
}

/** A legal-remedy text with the issuing authority and its address filled in. */
function remedyText(template: string, tenant: DocumentTenant): string {
  return template.replace('{authority}', tenant.officialName).replace('{address}', `${tenant.address.street}, ${tenant.address.postalCode} ${tenant.address.town}`);
}

/** The date the application was made, as the notices quote it. */
export function applicationDate(c: DocumentCase): string {
  return germanDate(c.submittedAt.toISOString().slice(0, 10));
}

/** What the special use consists of, by case type (works only when the applicant asked for the permit with this application). */
export const SPECIAL_USES: Partial<Record<TrafficApplication['caseType'], string>> = {
  HUB: 'das Aufstellen des Hubgeräts',
  CON: 'das Aufstellen des Containers, Gerüsts oder Materials',
  VER: 'die Veranstaltung mit ihren Ständen und Aufbauten',
  BAU: 'die Arbeitsstelle (Aufbruch und Baustelleneinrichtung)',
};

/**
 * Where the road is used beyond common use, the special use is permitted with the order (one
 * application, both decisions, verkehr.md § 1.4): cranes, containers, events, and works whose
 * applicant asked for the permit with this application.
 */
export function specialUseApplies(app: TrafficApplication): boolean {
  if (!app.period) return false;
  return app.caseType === 'HUB' || app.caseType === 'CON' || app.caseType === 'VER' || (app.caseType === 'BAU' && app.roadPermit === 'withThisApplication');
}

/** The fee decision under GebOSt: number and the municipality's amount, debtor, due date, and the payment reference. */
export function gebOStFee(fee: { gebOStNumber: string; amountCents: number }, debtor: string, purpose: string): KeyValueBlock {
  return {
    type: 'keyValue',
    rows: [
      { label: `Gebühr nach Nr. ${fee.gebOStNumber} der Anlage zu § 1 GebOSt`, value: formatMoney(fee.amountCents, 'de') },
      { label: 'Gebührenschuldner', value: debtor },
      { label: 'Fälligkeit', value: 'zwei Wochen nach Bekanntgabe' },
      { label: 'Verwendungszweck', value: purpose },
    ],
  };
}

/** The close of a notice: the legal remedy with the issuing authority, and the signature of an electronically issued notice a caseworker released (§ 37 Abs. 5 VwVfG). */
export function closingBlocks(remedyTemplate: string, tenant: DocumentTenant, department: string): DocumentBlock[] {
  return [
    { type: 'legalRemedy', heading: 'Rechtsbehelfsbelehrung', text: remedyText(remedyTemplate, tenant) },
    {
      type: 'signature',
      lines: ['Im Auftrag', department],
      note: 'Dieser Bescheid wurde elektronisch erstellt und von einer Sachbearbeiterin oder einem Sachbearbeiter freigegeben; er ist ohne Unterschrift gültig (§ 37 Abs. 5 VwVfG).',
    },
  ];
}
