/**
 * Records of sub-fields (one `group`, or one row of a `repeating-group`) run through the same
 * pipeline as top-level fields. Inside a record, a condition first looks at the record's own
 * earlier answers (siblings), then at the top-level answers.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { AnswerLookup } from '../conditions/evaluate.js';
import { answerAt, evaluateCondition } from '../conditions/evaluate.js';
import type { FieldIssue, NestedFields, ParseOutcome } from '../core/field-type.js';
import { isPlainObject, type JsonObject, type JsonSchema } from '../core/json.js';
import { childPath } from '../core/paths.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { PipelineEnv } from '../core/field-type.js';
import { fieldJsonSchema, formatField, normalizeField, parseFieldForm } from './field-pipeline.js';
import { buildFieldView } from './field-view.js';

/** A lookup that prefers the record's own answers for its sibling ids. */
export function recordLookup(fields: readonly FieldSpec[], record: JsonObject, outer: AnswerLookup): AnswerLookup {
  const own = new Set(fields.map((f) => f.id));
  return (reference) => (own.has(reference.split('.')[0] ?? '') ? answerAt(record, reference) : outer(reference));
}

/** Reads and validates one record; hidden sub-fields are skipped and dropped. */
export function normalizeRecord(
  fields: readonly FieldSpec[],
  value: unknown,
  path: string,
  env: PipelineEnv,
  labelSuffix?: Localized,
): ParseOutcome<JsonObject> {
  const input = isPlainObject(value) ? value : {};
  const result: JsonObject = {};
  const issues: FieldIssue[] = [];
  const lookup = recordLookup(fields, result, env.lookup);
  for (const field of fields) {
    if (field.when && !evaluateCondition(field.when, lookup, env.today)) continue;
    const outcome = normalizeField(field, input[field.id], childPath(path, field.id), env, labelSuffix);
    issues.push(...outcome.issues);
    if (outcome.value !== undefined) result[field.id] = outcome.value;
  }
  return issues.length > 0 ? { issues } : { value: result, issues };
}

/** The JSON Schema of one record: required are the sub-fields that are required and unconditional. */
export function recordSchema(fields: readonly FieldSpec[], env: PipelineEnv): JsonSchema {
  const properties: JsonSchema = {};
  for (const field of fields) properties[field.id] = fieldJsonSchema(field, env);
  const required = fields.filter((f) => f.required && !f.when).map((f) => f.id);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** The nested-field hooks for container types, bound to one pipeline environment. */
export function nestedFields(env: PipelineEnv): NestedFields {
  return {
    parseForm(fields, input, path, previous) {
      const before = isPlainObject(previous) ? previous : {};
      const record: JsonObject = {};
      for (const field of fields) {
        const value = parseFieldForm(field, input, childPath(path, field.id), before[field.id], env);
        if (value !== undefined) record[field.id] = value;
      }
      return Object.keys(record).length > 0 ? record : undefined;
    },
    normalize: (fields, value, path, labelSuffix) => normalizeRecord(fields, value, path, env, labelSuffix),
    schema: (fields) => recordSchema(fields, env),
    format(fields, value, locale) {
      return fields.flatMap((field) => {
        const answer = value[field.id];
        if (answer === undefined) return [];
        return [`${field.label[locale]}: ${formatField(field, answer, locale, env).join(', ')}`];
      });
    },
    views(fields, value, path, ctx, labelSuffix) {
      const record = isPlainObject(value) ? (value as JsonObject) : {};
      const lookup = recordLookup(fields, record, env.lookup);
      return fields.map((field) => {
        const view = buildFieldView(field, record[field.id], childPath(path, field.id), ctx.viewEnv, labelSuffix);
        if (!field.when) return view;
        const visible = evaluateCondition(field.when, lookup, env.today);
        return { ...view, conditional: { condition: JSON.stringify(field.when), visible } };
      });
    },
  };
}
