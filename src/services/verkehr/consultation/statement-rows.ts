/**
 * What a consulted party reads about an application: the measure, place, period, restriction and
 * traffic control, and for works and events who answers on site — but not the applicant's private
 * address, e-mail or phone, which the party does not need.
 */
import type { Locale } from '../../../platform/i18n/i18n.js';
import { longDate } from '../date-text.js';
import type { TrafficApplication } from '../traffic-application.js';

type Row = { label: string; value: string };
type Data = Readonly<Record<string, unknown>>;

const KINDS: Record<TrafficApplication['caseType'], { de: string; en: string }> = {
  HVZ: { de: 'Halteverbotszone', en: 'No-parking zone' },
  BAU: { de: 'Baustelle (§ 45 Abs. 6 StVO)', en: 'Road works (Section 45 (6) StVO)' },
  HUB: { de: 'Kran, Möbellift oder Hubarbeitsbühne', en: 'Crane, furniture lift or aerial platform' },
  CON: { de: 'Container, Gerüst oder Material', en: 'Container, scaffold or material' },
  VER: { de: 'Veranstaltung', en: 'Event' },
};
const L = {
  kind: { de: 'Maßnahme', en: 'Measure' },
  place: { de: 'Ort', en: 'Place' },
  period: { de: 'Zeitraum', en: 'Period' },
  hours: { de: 'Tägliche Uhrzeit', en: 'Daily hours' },
  purpose: { de: 'Zweck', en: 'Purpose' },
  closure: { de: 'Einschränkung', en: 'Restriction' },
  control: { de: 'Verkehrsregelung', en: 'Traffic control' },
  widths: { de: 'Restbreiten', en: 'Remaining widths' },
  plan: { de: 'Beschilderung', en: 'Signing' },
  onSite: { de: 'Erreichbar vor Ort', en: 'Contact on site' },
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Data => (typeof v === 'object' && v !== null ? (v as Data) : {});

/** The rows of the party's page in the visitor's language (values as the applicant entered them). */
export function statementRows(app: TrafficApplication, data: Data, locale: Locale): Row[] {
  const l = app.location;
  const place = [l.street, l.houseNumberFrom ? `${l.houseNumberFrom}${l.houseNumberTo && l.houseNumberTo !== l.houseNumberFrom ? `–${l.houseNumberTo}` : ''}` : '', l.lengthMeters ? `${l.lengthMeters} m` : ''].filter(Boolean).join(', ');
  const rows: Row[] = [
    { label: L.kind[locale], value: KINDS[app.caseType][locale] },
    { label: L.place[locale], value: place },
  ];
  if (app.period) rows.push({ label: L.period[locale], value: `${longDate(app.period.from)[locale]} – ${longDate(app.period.to)[locale]}` });
  if (app.dailyWindow) rows.push({ label: L.hours[locale], value: `${app.dailyWindow.from}–${app.dailyWindow.to}` });
  if (text(data.description)) rows.push({ label: L.purpose[locale], value: text(data.description) });
  if (app.closureType) rows.push({ label: L.closure[locale], value: app.closureType });
  if (app.trafficControl) rows.push({ label: L.control[locale], value: app.trafficControl });
  const w = app.residualWidths;
  const widths = [w.carriagewayM !== undefined ? `carriageway ${w.carriagewayM} m` : '', w.footwayM !== undefined ? `footway ${w.footwayM} m` : ''].filter(Boolean);
  if (widths.length > 0) rows.push({ label: L.widths[locale], value: widths.join(', ').replace('carriageway', locale === 'de' ? 'Fahrbahn' : 'carriageway').replace('footway', locale === 'de' ? 'Gehweg' : 'footway') });
  if (app.signPlanKind) rows.push({ label: L.plan[locale], value: app.signPlanKind === 'regelplan' ? `RSA 21 ${app.regelplan ?? ''}`.trim() : locale === 'de' ? 'eigener Verkehrszeichenplan' : 'own traffic sign plan' });
  if (app.caseType === 'BAU') {
    const c = obj(data.contractor);
    rows.push({ label: L.onSite[locale], value: [text(c.name), text(c.phone)].filter(Boolean).join(', ') });
  }
  if (app.caseType === 'VER') {
    const lead = obj(data.onSiteLead);
    const name = obj(lead.name);
    rows.push({ label: L.onSite[locale], value: [`${text(name.given)} ${text(name.family)}`.trim(), text(lead.mobile)].filter(Boolean).join(', ') });
  }
  return rows;
}
