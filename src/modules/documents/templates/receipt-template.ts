/**
 * A reusable confirmation of receipt (Eingangsbestätigung): "we received your application …",
 * the submitted data, notices, next steps, closing. Services parameterise it — title, wording,
 * which data to print, notices that apply (e.g. "this receipt does not permit starting a trade
 * that needs a permit") — and register the result as one of their templates, e.g. the
 * Empfangsbescheinigung of § 15 Abs. 1 GewO:
 *
 * ```ts
 * receiptTemplate({ version: 1, title: { de: 'Empfangsbescheinigung', en: 'Receipt' }, serviceName: 'Gewerbeanmeldung',
 *   sections: definitionAnswerSections(registry), notices: (c) => permitNotices(c) })
 * ```
 */
import type { Localized } from '../../../platform/db/schema.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import type { ServiceRegistry } from '../../../definitions/registry/service-registry.js';
import { summarizeAnswers } from '../../../definitions/view/answer-summary.js';
import type { JsonObject } from '../../../definitions/core/json.js';
import type { DocumentBlock } from '../blocks.js';
import type { DocumentCase, DocumentContext, DocumentTemplate, DocumentTenant } from '../document-template.js';

/** A titled group of label–value rows. */
export interface ReceiptSection {
  heading: string;
  rows: { label: string; value: string }[];
}

export interface ReceiptTemplateOptions {
  /** Template id (default `receipt`) and kind (default `receipt`). */
  id?: string;
  kind?: string;
  version: number;
  /** Default: Eingangsbestätigung / Confirmation of receipt. */
  title?: Localized;
  /** What was applied for, in the opening sentence, e.g. `Gewerbeanmeldung`. */
  serviceName: string;
  /** The submitted data to print; default none. */
  sections?: (c: DocumentCase) => readonly ReceiptSection[];
  /** Framed notices (legal hints, what the receipt does not permit). */
  notices?: (c: DocumentCase, context: DocumentContext) => readonly { title?: string; text: string }[];
  /** What the applicant must do next. */
  nextSteps?: (c: DocumentCase, context: DocumentContext) => readonly string[];
  /** A legal-remedy notice, for receipts that decide something (most do not). */
  legalRemedy?: { heading: string; text: string };
  /** The address field; default the applicant's name. */
  addressee?: (c: DocumentCase) => readonly string[];
}

const DEFAULT_TITLE: Localized = { de: 'Eingangsbestätigung', en: 'Confirmation of receipt' };

/** Reads a nested value by dotted path, e.g. `betrieb.anschrift.ort`. */
export function valueAt(data: Readonly<Record<string, unknown>>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), data);
}

/** A value as one line of text: strings as they are, numbers and booleans in German, structures as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString('de-DE');
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return JSON.stringify(value);
}

/** Sections of the submitted data as the service definition shows them ("check your answers"), in German. */
export function definitionAnswerSections(registry: ServiceRegistry): (c: DocumentCase) => ReceiptSection[] {
  return (c) => {
    const definition = registry.get(c.serviceId, c.serviceVersion);
    if (!definition) throw new Error(`Service ${c.serviceId} version ${c.serviceVersion} is not loaded`);
    return summarizeAnswers(definition, c.data as JsonObject, 'de', { now: c.submittedAt }).map((s) => ({
      heading: s.title,
      rows: s.rows.map((r) => ({ label: r.label, value: r.lines.join('\n') })),
    }));
  };
}

function body(options: ReceiptTemplateOptions, c: DocumentCase, tenant: DocumentTenant, context: DocumentContext): DocumentBlock[] {
  const greeting = c.applicantName ? `Guten Tag ${c.applicantName},` : 'Guten Tag,';
  const blocks: DocumentBlock[] = [
    { type: 'paragraph', text: greeting },
    {
      type: 'paragraph',
      text: [
        { text: `wir bestätigen den Eingang Ihres Antrags „${options.serviceName}“ am ${formatDateTime(c.submittedAt, 'de')} Uhr. Ihr Aktenzeichen lautet ` },
        { text: c.reference, strong: true },
        { text: '. Bitte geben Sie es bei Rückfragen an.' },
      ],
    },
  ];
  for (const section of options.sections?.(c) ?? []) {
    blocks.push({ type: 'heading', text: section.heading }, { type: 'keyValue', rows: section.rows });
  }
  for (const notice of options.notices?.(c, context) ?? []) blocks.push({ type: 'notice', ...notice });
  const steps = options.nextSteps?.(c, context) ?? [];
  if (steps.length > 0) blocks.push({ type: 'heading', text: 'Ihre nächsten Schritte' }, { type: 'list', items: steps, ordered: true });
  blocks.push({
    type: 'signature',
    lines: ['Mit freundlichen Grüßen', tenant.officialName],
    note: `Dieses Schreiben wurde am ${formatDate(context.issuedAt, 'de')} maschinell erstellt und ist ohne Unterschrift gültig.`,
  });
  if (options.legalRemedy) blocks.push({ type: 'legalRemedy', ...options.legalRemedy });
  return blocks;
}

/** Builds a receipt template from the service's parameters. */
export function receiptTemplate(options: ReceiptTemplateOptions): DocumentTemplate {
  return {
    id: options.id ?? 'receipt',
    version: options.version,
    kind: options.kind ?? 'receipt',
    title: options.title ?? DEFAULT_TITLE,
    build: (c, tenant, context) => ({
      addressee: options.addressee?.(c) ?? (c.applicantName ? [c.applicantName] : []),
      blocks: body(options, c, tenant, context),
    }),
  };
}
