/**
 * "Check your answers" and the PDF's answer list: per visible page its title and, per visible
 * field, the label and the answer as display lines. The data is read through the same
 * validation as everything else, so only valid, visible answers are shown.
 */
import type { Locale } from '../../platform/i18n/i18n.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import type { JsonObject } from '../core/json.js';
import { buildFieldView } from '../engine/field-view.js';
import { formatField } from '../engine/field-pipeline.js';
import type { ServiceDefinition } from '../model/service-definition.js';
import { resolveVisibility, todayOf, type EvaluationOptions } from '../validation/evaluation.js';
import { validateSubmission } from '../validation/validate.js';

/** One answer. */
export interface AnswerRow {
  fieldId: string;
  label: string;
  /** The answer as lines (an address has several); "Keine Angabe" when not answered. */
  lines: string[];
  answered: boolean;
  /** The page to change it on, and the id of its first input to link to (`#field-…`). */
  pageId: string;
  anchor: string;
}

/** The answers of one page. */
export interface AnswerSection {
  pageId: string;
  title: string;
  rows: AnswerRow[];
}

const messages = defineMessages({ notAnswered: { de: 'Keine Angabe', en: 'Not provided' } });

/** The answers to show, page by page, in the given language. */
export function summarizeAnswers(definition: ServiceDefinition, data: JsonObject, locale: Locale, options: EvaluationOptions = {}): AnswerSection[] {
  const { data: valid } = validateSubmission(definition, data, options);
  const visibility = resolveVisibility(definition, valid, options);
  const env = { today: todayOf(options), lookup: () => undefined };
  return definition.pages
    .filter((page) => visibility.pages.has(page.id))
    .map((page) => ({
      pageId: page.id,
      title: page.title[locale],
      rows: page.fields
        .filter((field) => visibility.fields.has(field.id) && field.type !== 'declaration')
        .map((field) => {
          const answer = valid[field.id];
          return {
            fieldId: field.id,
            label: field.label[locale],
            lines: answer === undefined ? [messages.notAnswered[locale]] : formatField(field, answer, locale, env),
            answered: answer !== undefined,
            pageId: page.id,
            anchor: buildFieldView(field, answer, field.id, { ...env, locale, errors: new Map() }).focusId,
          };
        }),
    }))
    .filter((section) => section.rows.length > 0);
}
