/**
 * The contract every field type fulfils. A field type owns its options schema (checked when a
 * definition is loaded), reading a form post and an API value, validation with bilingual
 * messages, its JSON Schema fragment, the display text for "check your answers" and PDFs, and
 * the view model for the HTML templates.
 *
 * Form and API share one path: `parseForm` only turns posted strings into the JSON shape the
 * API would send (text it cannot read is passed on unchanged), and `parseJson` + `validate`
 * decide for both. So the runner and the API accept and refuse exactly the same answers.
 */
import type { TObject } from '@sinclair/typebox';
import type { Localized } from '../../platform/db/schema.js';
import type { Locale, MessageCatalogue } from '../../platform/i18n/i18n.js';
import type { FieldSpec } from '../model/field-spec.js';
import type { FormInput } from './form-input.js';
import type { JsonObject, JsonSchema, JsonValue } from './json.js';
import type { MessageParams } from './messages.js';
import type { FieldView } from './view-types.js';

/** What the pipeline needs besides the field: today's date and the answers conditions may read. */
export interface PipelineEnv {
  /** Today in Europe/Berlin, `YYYY-MM-DD`. */
  readonly today: string;
  /** Answers outside the current record (top-level answers, already without hidden fields). */
  readonly lookup: (reference: string) => JsonValue | undefined;
}

/** What building views needs besides the pipeline: the language, the raw post and the errors by path. */
export interface ViewEnv extends PipelineEnv {
  readonly locale: Locale;
  /** The posted strings when re-showing a failed post; absent when showing saved answers. */
  readonly raw?: FormInput;
  readonly errors: ReadonlyMap<string, Localized>;
}

/** One problem with an answer: where (data path), which message code, and the words. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: Localized;
}

/** The result of reading a value: the typed value (absent when empty or unreadable) and problems. */
export interface ParseOutcome<V> {
  readonly value?: V;
  readonly issues: readonly FieldIssue[];
}

/** An entry of a choice list (select, radio, checkboxes, code lists). */
export interface Choice {
  readonly value: string;
  readonly label: Localized;
  readonly hint?: Localized;
}

/** Hooks that let container types (groups) run their sub-fields through the same pipeline. */
export interface NestedFields {
  /** Reads the sub-fields' inputs under `path`; `undefined` when all are blank. */
  parseForm(fields: readonly FieldSpec[], input: FormInput, path: string, previous: unknown): JsonObject | undefined;
  /** Reads and validates one record of sub-fields; conditions see the record's earlier answers first. */
  normalize(fields: readonly FieldSpec[], value: unknown, path: string, labelSuffix?: Localized): ParseOutcome<JsonObject>;
  /** The JSON Schema of one record. */
  schema(fields: readonly FieldSpec[]): JsonSchema;
  /** Display lines of one record ("Label: answer"). */
  format(fields: readonly FieldSpec[], value: JsonObject, locale: Locale): string[];
  /** View models of one record's sub-fields. */
  views(fields: readonly FieldSpec[], value: unknown, path: string, ctx: ViewContext<unknown>, labelSuffix?: Localized): FieldView[];
}

/** What every hook of a field type gets. */
export interface FieldContext<O> {
  readonly field: FieldSpec<O>;
  readonly options: O;
  /** Data path of this field's value (also its input name). */
  readonly path: string;
  /** The label used in messages (with a row number inside repeating groups). */
  readonly label: Localized;
  /** Today in Europe/Berlin as `YYYY-MM-DD`, for relative date limits. */
  readonly today: string;
  /** A message of this field by code (definition override → type → common), filled in. */
  message(code: string, params?: MessageParams): Localized;
  /** Builds an issue from a message code; `subKey` points at one part (`postalCode`). */
  issue(code: string, params?: MessageParams, subKey?: string): FieldIssue;
  readonly nested: NestedFields;
}

/** Context of `parseForm`: also the value saved so far (file fields keep it). */
export interface FormContext<O> extends FieldContext<O> {
  readonly previous: unknown;
}

/** Context of `format`. */
export interface FormatContext<O> extends FieldContext<O> {
  readonly locale: Locale;
}

/** Context of `view`: the value to show, the raw post (wins when present) and the errors. */
export interface ViewContext<O> extends FormatContext<O> {
  /** The saved answer or the candidate from a failed post (may be unreadable text). */
  readonly value: unknown;
  /** The text to show in the input `name`: the posted text when re-showing a post, else `fallback`. */
  inputValue(name: string, fallback: string): string;
  /** All values posted under `name` when re-showing a post, else `fallback`. */
  inputValues(name: string, fallback: readonly string[]): string[];
  /** The error message at exactly this data path, in the visitor's language. */
  errorAt(path: string): string | undefined;
  /** Picks the visitor's language. */
  text(value: Localized): string;
  /** The environment, for building nested views. */
  readonly viewEnv: ViewEnv;
}

/** The part of a field view that a type decides; the pipeline adds ids, label, hint and error. */
export type TypeView = Pick<FieldView, 'layout' | 'inputs'> & Partial<Pick<FieldView, 'rows' | 'addRow' | 'fields' | 'map'>>;

/** What `prepareOptions` gets when a definition is loaded. */
export interface OptionsEnv {
  /** The definition's code lists by id. */
  readonly codeLists: ReadonlyMap<string, readonly Choice[]>;
  /** Reports a problem at a path relative to the field (e.g. `choices[2].value`). */
  report(path: string, message: string): void;
}

/**
 * A field type. Hooks are declared as methods on purpose: that lets the registry hold types with
 * different option and value types side by side (their options are checked at load time).
 */
export interface FieldType<O, V extends JsonValue> {
  readonly type: string;
  /** Type-specific properties of a field definition (besides id, label, hint, required, …). */
  readonly optionsSchema: TObject;
  /** Message templates by code; `{label}` names the field. */
  readonly messages: MessageCatalogue;
  /** Keys of the value that conditions may reference (`address.country`). */
  readonly valueKeys?: readonly string[];
  /** Has sub-fields (`fields`). */
  readonly container?: boolean;
  /** Must always be answered, whatever `required` says (declarations). */
  readonly alwaysRequired?: boolean;
  /** Load-time checks beyond the schema (min ≤ max, code list exists); may resolve references. */
  prepareOptions?(options: O, env: OptionsEnv): O;
  /** The values a condition may compare this field with, when they are a closed set. */
  conditionValues?(options: O): readonly (string | boolean)[] | undefined;
  /** Turns posted strings into the JSON the API would send; blank gives `undefined`. */
  parseForm(input: FormInput, ctx: FormContext<O>): JsonValue | undefined;
  /** Reads a JSON value; empty answers (`""`, `[]`, all parts blank) give no value and no issue. */
  parseJson(value: unknown, ctx: FieldContext<O>): ParseOutcome<V>;
  /** Issues when a required field is empty (default: the `required` message). */
  missing?(ctx: FieldContext<O>): FieldIssue[];
  /** Checks a read value against the field's options. */
  validate(value: V, ctx: FieldContext<O>): FieldIssue[];
  /** The JSON Schema fragment of the value (title, `x-fim-id` are added by the caller). */
  jsonSchema(ctx: FieldContext<O>): JsonSchema;
  /** Display lines for "check your answers" and PDFs. */
  format(value: V, ctx: FormatContext<O>): string[];
  /** Inputs (and rows or sub-fields) for the templates. */
  view(ctx: ViewContext<O>): TypeView;
}

/** A field type with its option and value types erased, as the registry holds it. */
export type AnyFieldType = FieldType<unknown, JsonValue>;

/** Declares a field type; the identity function is there for type inference. */
export function defineFieldType<O, V extends JsonValue>(type: FieldType<O, V>): FieldType<O, V> {
  return type;
}
