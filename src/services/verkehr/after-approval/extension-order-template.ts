/**
 * The Verlängerungsanordnung (verkehr.md § 4.2 step 8): a new order for the changed period, issued
 * when a caseworker approves an extension. The original order stays in force as issued; this one
 * names it, moves the last day, repeats what is ordered for the whole changed period and its
 * conditions, and fixes the fee again (GebOSt, the municipality's amount for the case type). Each
 * later extension issues a new version that replaces this one, since it moves the same last day.
 */
import type { DocumentBlock } from '../../../modules/documents/blocks.js';
import type { DocumentCase, DocumentContext, DocumentTemplate, DocumentTenant } from '../../../modules/documents/document-template.js';
import type { Land } from '../../../platform/calendar/public-holidays.js';
import { germanDate, longDate } from '../date-text.js';
import { addresseeLines, closingBlocks, feeDebtor, gebOStFee, orderConditions, orderLegalBasis, orderTenor, specialUseApplies } from '../order-parts.js';
import { readTrafficApplication } from '../traffic-application.js';
import { trafficSettingsOf } from '../traffic-settings.js';
import { readExtensionFacts } from './extension-queries.js';

/** Builds the extension order from the latest approved extension in the document facts. */
export function buildExtensionOrder(c: DocumentCase, tenant: DocumentTenant, context: DocumentContext): { addressee: string[]; blocks: DocumentBlock[] } {
  const app = readTrafficApplication(c.data);
  const extension = readExtensionFacts(context.facts);
  if (!app?.period || !extension) throw new Error(`Case ${c.reference} has no approved extension to order`);
  const settings = trafficSettingsOf(context.settings);
  const role = context.settings.authorityRole === 'lower' ? 'lower' : 'local';
  const period = { from: app.period.from, to: extension.newTo };
  const notes = [
    `Die verkehrsrechtliche Anordnung ${c.reference} gilt im Übrigen unverändert fort; diese Anordnung ändert nur ihr Ende (bisher ${longDate(extension.previousTo).de}).`,
    'Die Zusatzzeichen mit dem Zeitraum sind unverzüglich auf das neue Ende zu ändern.',
  ];
  if (app.includesNoParking) notes.push('Gegen Fahrzeuge, die vor dem Ändern der Zusatzzeichen geparkt wurden, wirkt das Haltverbot für die zusätzlichen Tage erst, wenn die geänderten Zeichen drei volle Tage gestanden haben.');
  if (specialUseApplies(app)) notes.push('Die Sondernutzungserlaubnis wird für den geänderten Zeitraum mit gesondertem Bescheid vom selben Tag neu erteilt.');
  const blocks: DocumentBlock[] = [
    { type: 'paragraph', text: [{ text: `${tenant.officialName}, ${settings.department}`, strong: true }] },
    {
      type: 'paragraph',
      text: `Auf Ihren Antrag auf Verlängerung wird der Zeitraum der verkehrsrechtlichen Anordnung ${c.reference} bis zum ${germanDate(extension.newTo)} verlängert (${extension.number}. Verlängerung). Für den geänderten Zeitraum ergeht folgende Anordnung:`,
    },
    { type: 'heading', text: '1. Anordnung' },
    { type: 'keyValue', rows: orderTenor(app, settings, context.settings.land as Land | undefined, period).filter((r) => r.label !== 'Aufstellen der Schilder') },
    { type: 'heading', text: '2. Rechtsgrundlage' },
    { type: 'paragraph', text: orderLegalBasis(app, role) },
    { type: 'heading', text: '3. Auflagen' },
    { type: 'list', ordered: true, items: orderConditions(app, settings, context) },
    { type: 'heading', text: '4. Hinweise' },
    { type: 'list', items: notes },
    { type: 'paragraph', text: 'Einer Begründung bedarf es nicht, weil dem Antrag entsprochen wird (§ 39 Abs. 2 Nr. 1 VwVfG).' },
    { type: 'heading', text: '5. Gebührenfestsetzung' },
    gebOStFee(settings.fees[app.caseType], feeDebtor(c.data, app.caseType), `${c.reference} Verlängerung ${extension.number}`),
    ...closingBlocks(settings.legalRemedy.de, tenant, settings.department),
  ];
  return { addressee: addresseeLines(c.data, app.caseType), blocks };
}

/** The extension order template (`generateDocument { template: "extension-order" }`). */
export const extensionOrderTemplate: DocumentTemplate = {
  id: 'extension-order',
  version: 1,
  kind: 'extension-order',
  title: { de: 'Verlängerung der verkehrsrechtlichen Anordnung', en: 'Extension of the traffic order' },
  build: (c, tenant, context) => buildExtensionOrder(c, tenant, context),
};
