/**
 * The one validation entry point for the form runner and the JSON API (and later exports and
 * rules): `validatePage` for one step of the form, `validateSubmission` for the whole
 * application. Both read every visible answer through its field type (`parseJson` + `validate`,
 * German and English messages naming the field), then run the compiled JSON Schema as the
 * contract check. Error paths use one notation for both channels (`managers[0].name.given`),
 * which is also the HTML input name.
 *
 * Hidden pages and fields (their condition does not hold) are not validated, and their answers
 * are dropped from the returned data. Unknown top-level keys are refused by `validateSubmission`.
 */
import type { Localized } from '../../platform/db/schema.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { answerAt } from '../conditions/evaluate.js';
import { isPlainObject, type JsonObject, type SubmissionData } from '../core/json.js';
import { renderMessage } from '../core/messages.js';
import { topFieldId } from '../engine/data-paths.js';
import { normalizeField } from '../engine/field-pipeline.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { ServiceDefinition } from '../model/service-definition.js';
import { todayOf, walkVisible, type EvaluationOptions } from './evaluation.js';

/** One problem, for the runner's error summary and the API's problem details alike. */
export interface ValidationError {
  /** Data path, equal to the HTML input name (`applicant.address.postalCode`). */
  readonly path: string;
  /** The top-level field the problem belongs to. */
  readonly fieldId: string;
  /** Stable message code (`postalCodeFormat`, `required`, …) for API clients. */
  readonly code: string;
  readonly message: Localized;
}

/** The outcome of a validation. */
export interface ValidationResult {
  readonly ok: boolean;
  /** Normalised answers without hidden fields (see each function for what else it holds). */
  readonly data: SubmissionData;
  readonly errors: readonly ValidationError[];
}

const messages = defineMessages({
  notAnObject: { de: 'Die Antragsdaten müssen ein JSON-Objekt sein.', en: 'The application data must be a JSON object.' },
  unknownField: { de: 'Die Angabe „{key}“ gibt es in diesem Antrag nicht.', en: 'This application has no entry “{key}”.' },
  schema: { de: 'Die Angabe bei „{label}“ ist ungültig.', en: 'The entry for “{label}” is not valid.' },
});

/**
 * Validates a whole application. `data` holds only visible, valid answers, normalised
 * (e.g. "1.234,56" → 123456 cents); when `ok`, it is what the case stores.
 */
export function validateSubmission(definition: ServiceDefinition, input: unknown, options: EvaluationOptions = {}): ValidationResult {
  if (!isPlainObject(input)) return { ok: false, data: {}, errors: [{ path: '', fieldId: '', code: 'notAnObject', message: messages.notAnObject }] };
  const fields = new Map(definition.pages.flatMap((p) => p.fields).map((f) => [f.id, f]));
  const errors: ValidationError[] = Object.keys(input)
    .filter((key) => !fields.has(key))
    .map((key) => ({ path: key, fieldId: key, code: 'unknownField', message: renderMessage(messages.unknownField, { key }) }));
  const today = todayOf(options);
  const data: SubmissionData = {};
  walkVisible(definition, today, (_page, field, visible, answers) => {
    if (!field || !visible) return undefined;
    const outcome = normalizeField(field, input[field.id], field.id, { today, lookup: (ref) => answerAt(answers, ref) });
    errors.push(...outcome.issues.map((issue) => ({ ...issue, fieldId: field.id })));
    if (outcome.value !== undefined) data[field.id] = outcome.value;
    return outcome.value;
  });
  if (errors.length === 0) errors.push(...schemaErrors(definition, data, fields));
  return { ok: errors.length === 0, data, errors };
}

/**
 * Validates the answers of one page. `data` is the draft with this page's answers replaced:
 * valid ones normalised, invalid ones kept as entered (nothing typed is lost), hidden ones
 * removed. Answers on other pages are left as they are.
 */
export function validatePage(definition: ServiceDefinition, pageId: string, input: JsonObject, options: EvaluationOptions = {}): ValidationResult {
  const target = definition.pages.find((p) => p.id === pageId);
  if (!target) throw new Error(`Service "${definition.id}" has no page "${pageId}"`);
  const today = todayOf(options);
  const data: SubmissionData = { ...input };
  const pageData: SubmissionData = {};
  const errors: ValidationError[] = [];
  walkVisible(definition, today, (page, field, visible, answers) => {
    if (!field) return undefined;
    if (page !== target) return visible ? input[field.id] : undefined;
    if (!visible) return void delete data[field.id];
    const outcome = normalizeField(field, input[field.id], field.id, { today, lookup: (ref) => answerAt(answers, ref) });
    errors.push(...outcome.issues.map((issue) => ({ ...issue, fieldId: field.id })));
    if (outcome.value !== undefined) data[field.id] = pageData[field.id] = outcome.value;
    else if (outcome.issues.length === 0) delete data[field.id];
    return outcome.value;
  });
  if (errors.length === 0) {
    const onPage = new Map(target.fields.map((f) => [f.id, f]));
    errors.push(...schemaErrors(definition, pageData, onPage).filter((e) => onPage.has(e.fieldId)));
  }
  return { ok: errors.length === 0, data, errors };
}

/**
 * The contract check. Field validation is written to be at least as strict as the schema, so a
 * violation here means a field type and its schema disagree; it is still reported, never
 * swallowed, so nothing that breaks the contract is ever stored.
 */
function schemaErrors(definition: ServiceDefinition, data: SubmissionData, fields: ReadonlyMap<string, FieldSpec>): ValidationError[] {
  return definition
    .checkSchema(data)
    .filter((v) => v.keyword !== 'required' || fields.has(topFieldId(v.path)))
    .map((v) => {
      const fieldId = topFieldId(v.path);
      const label = fields.get(fieldId)?.label ?? { de: fieldId, en: fieldId };
      return { path: v.path, fieldId, code: `schema.${v.keyword}`, message: renderMessage(messages.schema, { label }) };
    });
}
