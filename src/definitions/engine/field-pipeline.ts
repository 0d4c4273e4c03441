/**
 * The one pipeline every answer goes through, for the form runner and the API alike:
 * read (JSON) → required check → validate. Groups run their sub-fields through the same
 * pipeline by the `NestedFields` hooks defined in `record-engine.ts`.
 */
import type { Localized } from '../../platform/db/schema.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { AnyFieldType, FieldIssue, ParseOutcome } from '../core/field-type.js';
import type { FormInput } from '../core/form-input.js';
import type { JsonSchema, JsonValue } from '../core/json.js';
import { fieldTypes } from '../fields/index.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { PipelineEnv } from '../core/field-type.js';
import { fieldContext } from './field-context.js';
import { nestedFields } from './record-engine.js';

/** The field type of a loaded field (the loader has made sure it exists). */
export function fieldTypeOf(spec: FieldSpec): AnyFieldType {
  const type = fieldTypes[spec.type];
  if (!type) throw new Error(`Unknown field type "${spec.type}"`);
  return type;
}

/** Reads and validates one answer; `value` is set only when the answer is valid and given. */
export function normalizeField(
  spec: FieldSpec,
  raw: unknown,
  path: string,
  env: PipelineEnv,
  labelSuffix?: Localized,
): ParseOutcome<JsonValue> {
  const type = fieldTypeOf(spec);
  const ctx = fieldContext(type, spec, path, env, nestedFields(env), labelSuffix);
  const parsed = raw === undefined || raw === null ? { issues: [] } : type.parseJson(raw, ctx);
  if (parsed.issues.length > 0) return { issues: parsed.issues };
  if (parsed.value === undefined) {
    const required = spec.required || type.alwaysRequired === true;
    return { issues: required ? (type.missing?.(ctx) ?? [ctx.issue('required')]) : [] };
  }
  const issues: FieldIssue[] = type.validate(parsed.value, ctx);
  return issues.length > 0 ? { issues } : { value: parsed.value, issues };
}

/** Turns the posted strings of one field into its JSON candidate (`undefined` when blank). */
export function parseFieldForm(spec: FieldSpec, input: FormInput, path: string, previous: unknown, env: PipelineEnv): JsonValue | undefined {
  const type = fieldTypeOf(spec);
  return type.parseForm(input, { ...fieldContext(type, spec, path, env, nestedFields(env)), previous });
}

/** The JSON Schema of one field's value, with its label as title and its FIM id. */
export function fieldJsonSchema(spec: FieldSpec, env: PipelineEnv): JsonSchema {
  const type = fieldTypeOf(spec);
  const schema: JsonSchema = { title: spec.label.de, ...type.jsonSchema(fieldContext(type, spec, spec.id, env, nestedFields(env))) };
  if (spec.hint) schema.description = spec.hint.de;
  if (spec.fimId) schema['x-fim-id'] = spec.fimId;
  return schema;
}

/** Display lines of a valid answer, in the given language. */
export function formatField(spec: FieldSpec, value: JsonValue, locale: Locale, env: PipelineEnv): string[] {
  const type = fieldTypeOf(spec);
  return type.format(value, { ...fieldContext(type, spec, spec.id, env, nestedFields(env)), locale });
}
