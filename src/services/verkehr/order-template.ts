/**
 * The Anordnung (verkehr.md § 7.5): authority and addressee, what is ordered (signs by StVO
 * number, place, period and daily times, the latest set-up day of no-parking signs), legal basis,
 * conditions from the municipality's catalogue, notes, the fee decision under GebOSt with the
 * municipality's amount, and the legal-remedy notice. The letterhead, date, reference and the QR
 * verification code come from the document layout. Where the road is also used beyond common use,
 * the special use is permitted by a notice of its own issued with the order
 * (`special-use-permit-template.ts`); the order refers to it.
 *
 * Official documents are German; the template reads the tenant's settings as the package's
 * `tenantSettings` delivers them (traffic settings plus `land` and `authorityRole`).
 */
import type { Land } from '../../platform/calendar/public-holidays.js';
import type { DocumentBlock } from '../../modules/documents/blocks.js';
import type { DocumentCase, DocumentContext, DocumentTemplate, DocumentTenant } from '../../modules/documents/document-template.js';
import { addresseeLines, applicationDate, closingBlocks, feeDebtor, gebOStFee, orderConditions, orderLegalBasis, orderTenor, specialUseApplies } from './order-parts.js';
import { readTrafficApplication, type TrafficApplication } from './traffic-application.js';
import { trafficSettingsOf } from './traffic-settings.js';

function notes(app: TrafficApplication): string[] {
  const list = ['Die Verkehrszeichen stellt die antragstellende Seite auf eigene Kosten bereit und auf.'];
  if (app.includesNoParking) list.push('Gegen parkende Fahrzeuge wirkt das Haltverbot erst, wenn die Schilder drei volle Tage gestanden haben; bei späterem Aufstellen trägt die antragstellende Seite die Kosten eines Abschleppens.');
  if (specialUseApplies(app)) {
    list.push('Die Sondernutzung der Straße (§ 18 SächsStrG) ist mit der gesonderten Sondernutzungserlaubnis vom selben Tag erlaubt; deren Nebenbestimmungen gelten neben dieser Anordnung.');
    list.push('Andere Erlaubnisse (z. B. Aufbruch, Baugenehmigung) sind in dieser Anordnung nicht enthalten.');
  } else {
    list.push('Andere Erlaubnisse (z. B. Sondernutzung, Aufbruch, Baugenehmigung) sind in dieser Anordnung nicht enthalten, soweit sie nicht ausdrücklich erteilt werden.');
  }
  if (app.caseType === 'BAU') list.push('Die Richtlinien für die Sicherung von Arbeitsstellen an Straßen (RSA 21) und die ZTV-SA 97 sind zu beachten.');
  return list;
}

/** Builds the order's blocks (exported for tests of single parts). */
export function buildOrder(c: DocumentCase, tenant: DocumentTenant, context: DocumentContext): { addressee: string[]; blocks: DocumentBlock[] } {
  const app = readTrafficApplication(c.data);
  if (!app) throw new Error(`Case ${c.reference} holds no traffic-order application`);
  const settings = trafficSettingsOf(context.settings);
  const role = context.settings.authorityRole === 'lower' ? 'lower' : 'local';
  const blocks: DocumentBlock[] = [
    { type: 'paragraph', text: [{ text: `${tenant.officialName}, ${settings.department}`, strong: true }] },
    { type: 'paragraph', text: `Auf Ihren Antrag vom ${applicationDate(c)} ergeht folgende verkehrsrechtliche Anordnung:` },
    { type: 'heading', text: '1. Anordnung' },
    { type: 'keyValue', rows: orderTenor(app, settings, context.settings.land as Land | undefined, app.period) },
    { type: 'heading', text: '2. Rechtsgrundlage' },
    { type: 'paragraph', text: orderLegalBasis(app, role) },
    { type: 'heading', text: '3. Auflagen' },
    { type: 'list', ordered: true, items: orderConditions(app, settings, context) },
    { type: 'heading', text: '4. Hinweise' },
    { type: 'list', items: notes(app) },
    { type: 'paragraph', text: 'Einer Begründung bedarf es nicht, weil dem Antrag entsprochen wird (§ 39 Abs. 2 Nr. 1 VwVfG).' },
    { type: 'heading', text: '5. Gebührenfestsetzung' },
    gebOStFee(settings.fees[app.caseType], feeDebtor(c.data, app.caseType), c.reference),
    ...closingBlocks(settings.legalRemedy.de, tenant, settings.department),
  ];
  return { addressee: addresseeLines(c.data, app.caseType), blocks };
}

/** The order template (`generateDocument { template: "order" }`). */
export const orderTemplate: DocumentTemplate = {
  id: 'order',
  version: 4,
  kind: 'order',
  title: { de: 'Verkehrsrechtliche Anordnung', en: 'Traffic order' },
  build: (c, tenant, context) => buildOrder(c, tenant, context),
};
