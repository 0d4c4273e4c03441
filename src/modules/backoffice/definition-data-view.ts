/**
 * The submitted data rendered from the service definition (pages, labels, field formatting) —
 * the default {@link DescribeCaseData} of the back office, over the application's service
 * registry. It shows what "check your answers" showed the applicant, page by page; data keys
 * the definition does not know (e.g. from an older form or an API client) follow in a generic
 * section, so staff never miss anything that was submitted.
 */
import type { JsonObject } from '../../definitions/core/json.js';
import type { ServiceRegistry } from '../../definitions/registry/service-registry.js';
import { summarizeAnswers } from '../../definitions/view/answer-summary.js';
import { describeDataGenerically, type DescribeCaseData } from './case-data-view.js';

const OTHER_TITLE = { de: 'Weitere übermittelte Angaben', en: 'Further submitted information' };

/** A describer over the registry's definitions; undefined for a version the registry does not hold. */
export function describeFromDefinitions(registry: Pick<ServiceRegistry, 'get'>): DescribeCaseData {
  return ({ serviceId, serviceVersion, data, locale, submittedAt }) => {
    const definition = registry.get(serviceId, serviceVersion);
    if (!definition) return undefined;
    // Date rules ("at least 3 days ahead") are judged as on the day of submission.
    const sections = summarizeAnswers(definition, data as JsonObject, locale, submittedAt ? { now: submittedAt } : {}).map((s) => ({
      title: s.title,
      rows: s.rows.map((r) => ({ label: r.label, lines: r.lines })),
    }));
    const known = new Set(definition.pages.flatMap((p) => p.fields.map((f) => f.id)));
    const unknown = Object.fromEntries(Object.entries(data).filter(([key]) => !known.has(key)));
    const other = describeDataGenerically(unknown, locale).map((s) => ({ ...s, title: OTHER_TITLE[locale] }));
    return [...sections, ...other];
  };
}
