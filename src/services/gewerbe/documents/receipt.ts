/**
 * The Empfangsbescheinigung (§ 15 Abs. 1 GewO): the platform's receipt template with the content
 * of the notification, and the notes that the receipt does not permit starting an activity that
 * needs a permit or, for a craft of Anlage A HwO, the entry in the Handwerksrolle. The notes come
 * from the same classification as the rules (detect-activity.ts), so finding and note agree.
 */
import type { Localized } from '../../../platform/db/schema.js';
import type { ServiceRegistry } from '../../../definitions/registry/service-registry.js';
import type { CaseData } from '../../../definitions/rules/rule.js';
import type { DocumentTemplate } from '../../../modules/documents/document-template.js';
import { definitionAnswerSections, receiptTemplate } from '../../../modules/documents/templates/receipt-template.js';
import { hasCraftCard, masterCrafts, profileActivity, requiredPermits } from '../rules/detect-activity.js';

/** The notes a receipt carries for the case's activity: one per permit, one per craft of Anlage A without card. */
export function receiptNotices(data: CaseData, serviceId: string): { title: string; text: string }[] {
  if (serviceId === 'gewerbe-abmeldung') return [];
  const profile = profileActivity(data);
  const notices = requiredPermits(profile).map((p) => ({
    title: `Erlaubnispflicht (${p.legalSource})`,
    text: `Diese Empfangsbescheinigung berechtigt nicht zur Aufnahme der Tätigkeit „${p.activity.de}“. Dafür brauchen Sie ${p.needs.de}.`,
  }));
  if (!hasCraftCard(data)) {
    for (const c of masterCrafts(profile)) {
      notices.push({
        title: 'Zulassungspflichtiges Handwerk (§ 1 HwO)',
        text: `Diese Empfangsbescheinigung berechtigt nicht zum selbständigen Betrieb des Handwerks „${c.craft.de}“. Dafür ist die Eintragung in die Handwerksrolle (Handwerkskarte) der Handwerkskammer nötig.`,
      });
    }
  }
  return notices;
}

/** What the person notifying must do next (ELSTER questionnaire, permits, registrations). */
export function receiptNextSteps(data: CaseData, serviceId: string): string[] {
  const steps: string[] = [];
  if (serviceId === 'gewerbe-anmeldung') steps.push('Senden Sie innerhalb eines Monats den Fragebogen zur steuerlichen Erfassung über ELSTER (www.elster.de) an das Finanzamt; die Gewerbeanzeige ersetzt ihn nicht.');
  if (serviceId !== 'gewerbe-abmeldung') {
    const profile = profileActivity(data);
    for (const p of profile.permits) steps.push(`Beantragen Sie ${p.needs.de} (${p.legalSource}), bevor Sie mit „${p.activity.de}“ beginnen.`);
    if (!hasCraftCard(data) && masterCrafts(profile).length > 0) steps.push('Wenden Sie sich wegen der Eintragung in die Handwerksrolle an die Handwerkskammer.');
  }
  return steps;
}

const SERVICE_NAMES: Record<string, string> = {
  'gewerbe-anmeldung': 'Gewerbeanmeldung (GewA 1)',
  'gewerbe-ummeldung': 'Gewerbeummeldung (GewA 2)',
  'gewerbe-abmeldung': 'Gewerbeabmeldung (GewA 3)',
};

const TITLE: Localized = { de: 'Empfangsbescheinigung nach § 15 Abs. 1 GewO', en: 'Confirmation of receipt under § 15 (1) GewO' };

/** The receipt template of one Gewerbe service. */
export function gewerbeReceiptTemplate(serviceId: string, registry: ServiceRegistry): DocumentTemplate {
  return receiptTemplate({
    version: 1,
    title: TITLE,
    serviceName: SERVICE_NAMES[serviceId] ?? serviceId,
    sections: definitionAnswerSections(registry),
    notices: (c) => [
      ...receiptNotices(c.data, c.serviceId),
      { title: 'Hinweis', text: 'Die Empfangsbescheinigung bestätigt nur den Eingang der Gewerbeanzeige; sie ist keine Genehmigung. Bei elektronischer Anzeige entfällt die Unterschrift (§ 2 Abs. 1 GewAnzV).' },
    ],
    nextSteps: (c) => receiptNextSteps(c.data, c.serviceId),
  });
}
