/**
 * View models of the runner's pages that are more than a form: the service's start page and
 * "check your answers".
 */
import type { FastifyRequest } from 'fastify';
import type { JsonObject } from '../../definitions/core/json.js';
import { inputId } from '../../definitions/core/paths.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import { pageOfField } from '../../definitions/validation/navigation.js';
import { validateSubmission, type ValidationError } from '../../definitions/validation/validate.js';
import { summarizeAnswers } from '../../definitions/view/answer-summary.js';
import type { PreSubmitResult } from '../../definitions/service-package.js';
import { pick, type Locale } from '../../platform/i18n/i18n.js';
import type { DraftRecord } from './draft-store.js';

/** What the start page says about a service. */
export function serviceInfoView(definition: ServiceDefinition, locale: Locale) {
  return {
    name: pick(definition.name, locale),
    shortDescription: pick(definition.shortDescription, locale),
    description: pick(definition.description, locale),
    legalBasis: definition.legalBasis.map((l) => pick(l, locale)),
    requiredDocuments: definition.requiredDocuments.map((d) => pick(d, locale)),
    fee: pick(definition.fee, locale),
    processingTime: pick(definition.processingTime, locale),
    responsibleOffice: pick(definition.responsibleOffice, locale),
  };
}

/** The check-answers page: every visible answer with a change link, and any problems left. */
export function checkAnswersView(
  request: FastifyRequest,
  ctx: { draft: DraftRecord; definition: ServiceDefinition },
  draftHref: string,
  now: Date,
  submitErrors?: readonly ValidationError[],
  preSubmit: PreSubmitResult = { errors: [], notices: [] },
) {
  const data = ctx.draft.data as JsonObject;
  const sections = summarizeAnswers(ctx.definition, data, request.locale, { now });
  const problems = submitErrors ?? [...validateSubmission(ctx.definition, data, { now }).errors, ...preSubmit.errors];
  return {
    title: request.t('runner.check.title'),
    serviceName: pick(ctx.definition.name, request.locale),
    sections: sections.map((s) => ({
      title: s.title,
      rows: s.rows.map((r) => ({
        label: r.label,
        lines: r.lines,
        answered: r.answered,
        changeHref: `${draftHref}/seite/${r.pageId}?from=pruefen#${r.anchor}`,
      })),
    })),
    errors: problems.map((e) => {
      const page = pageOfField(ctx.definition, e.fieldId);
      return { text: pick(e.message, request.locale), href: page ? `${draftHref}/seite/${page.id}?from=pruefen#${inputId(e.path)}` : '#' };
    }),
    notices: preSubmit.notices.map((n) => pick(n, request.locale)),
    submitAction: `${draftHref}/absenden`,
    saveHref: `${draftHref}/speichern`,
    backHref: sections.length > 0 ? `${draftHref}/seite/${sections[sections.length - 1]!.pageId}` : draftHref,
  };
}
