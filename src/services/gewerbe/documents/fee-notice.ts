/**
 * The fee notice (Gebührenbescheid) of a Gewerbeanzeige: a Verwaltungsakt, so its amount comes
 * from the municipality's fee table as a fixed amount per form and kind of trader (no discretion
 * left, gewerbe.md § 8.4), with the legal basis, payment details and the legal remedy from the
 * tenant's settings. The workflow generates it for a caseworker's release, or releases it at
 * once where the municipality switched `fees.autoRelease` on (§ 35a VwVfG and state law).
 */
import type { Localized } from '../../../platform/db/schema.js';
import { addDays, berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { formatMoney } from '../../../platform/i18n/i18n.js';
import type { CaseData } from '../../../definitions/rules/rule.js';
import type { DocumentTemplate } from '../../../modules/documents/document-template.js';
import { text } from '../rules/case-data.js';
import type { FeeSettings, GewerbeSettings } from '../settings.js';

const FORM_OF: Readonly<Record<string, 'GewA1' | 'GewA2' | 'GewA3'>> = { 'gewerbe-anmeldung': 'GewA1', 'gewerbe-ummeldung': 'GewA2', 'gewerbe-abmeldung': 'GewA3' };
const PARTNERSHIPS = ['gbr', 'egbr', 'ohg', 'kg', 'gmbh-co-kg', 'partg'];
const LEGAL_PERSONS = ['gmbh', 'ug', 'ag', 'eg', 'ev', 'foreign-company', 'other-legal-person'];

/** The trader kind the fee table distinguishes. */
export function traderKind(data: CaseData): 'naturalPerson' | 'partnership' | 'legalPerson' {
  const form = text(data, 'legalForm') ?? 'sole-trader';
  if (LEGAL_PERSONS.includes(form)) return 'legalPerson';
  return PARTNERSHIPS.includes(form) ? 'partnership' : 'naturalPerson';
}

/** The fee of a case in cents: 0 when exempt, undefined when the table has no amount (then no notice). */
export function feeFor(data: CaseData, serviceId: string, fees: FeeSettings | undefined): number | undefined {
  const form = FORM_OF[serviceId];
  if (!fees?.enabled || !form) return undefined;
  const reason = text(data, 'reason');
  if (reason && fees.exemptReasons?.includes(reason)) return 0;
  return fees.amounts[form][traderKind(data)];
}

const TITLE: Localized = { de: 'Gebührenbescheid', en: 'Fee notice' };

/** The fee notice template of the Gewerbe services. */
export function gewerbeFeeNoticeTemplate(): DocumentTemplate {
  return {
    id: 'fee-notice',
    version: 1,
    kind: 'fee-notice',
    title: TITLE,
    build(c, tenant, context) {
      const fees = (context.settings as GewerbeSettings).fees;
      const cents = feeFor(c.data, c.serviceId, fees);
      if (!fees || cents === undefined) throw new Error(`No fee is configured for ${c.serviceId}; the workflow generates a fee notice only when fees.enabled holds`);
      const due = addDays(berlinDateOf(context.issuedAt), fees.dueDays ?? 30);
      const [y, m, d] = due.split('-');
      return {
        addressee: c.applicantName ? [c.applicantName] : [],
        blocks: [
          { type: 'paragraph', text: c.applicantName ? `Guten Tag ${c.applicantName},` : 'Guten Tag,' },
          { type: 'paragraph', text: [{ text: 'für die Bearbeitung Ihrer Gewerbeanzeige (Aktenzeichen ' }, { text: c.reference, strong: true }, { text: ') setzen wir folgende Gebühr fest:' }] },
          { type: 'keyValue', rows: [{ label: 'Gebühr', value: cents === 0 ? 'gebührenfrei' : formatMoney(cents, 'de') }, { label: 'Rechtsgrundlage', value: fees.legalBasis }, ...(cents > 0 ? [{ label: 'Fällig bis', value: `${d}.${m}.${y}` }] : [])] },
          ...(cents > 0 ? [{ type: 'heading' as const, text: 'Zahlung' }, { type: 'paragraph' as const, text: fees.payment }] : []),
          { type: 'signature', lines: ['Mit freundlichen Grüßen', tenant.officialName], note: 'Dieser Bescheid wurde maschinell erstellt und ist ohne Unterschrift gültig.' },
          { type: 'legalRemedy', heading: 'Rechtsbehelfsbelehrung', text: fees.legalRemedy },
        ],
      };
    },
  };
}
