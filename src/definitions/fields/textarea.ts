/**
 * `textarea`: multi-line free text (a description of the business activity, the purpose of a
 * road closure). Line breaks are kept as `\n`; trailing spaces and outer blank lines go.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { normalizeMultiline } from '../core/text.js';
import { displayText, lengthIssues, readTextAnswer, singleInputView } from '../core/text-input.js';

/** Options of a `textarea` field. */
export const TextareaOptionsSchema = Type.Object(
  {
    minLength: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Default 4000 characters. */
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    /** Visible rows (default 5). */
    rows: Type.Optional(Type.Integer({ minimum: 2, maximum: 30 })),
  },
  { additionalProperties: false },
);

/** Options of a `textarea` field. */
export type TextareaOptions = Static<typeof TextareaOptionsSchema>;

const DEFAULT_MAX = 4000;

/** The `textarea` field type. */
export const textareaField = defineFieldType<TextareaOptions, string>({
  type: 'textarea',
  optionsSchema: TextareaOptionsSchema,
  messages: {},
  prepareOptions(options, env) {
    if (options.minLength !== undefined && options.minLength > (options.maxLength ?? DEFAULT_MAX)) env.report('minLength', 'must not exceed maxLength');
    return options;
  },
  parseForm: (input, ctx) => readFormText(input, ctx.path),
  parseJson: (value, ctx) => readTextAnswer(value, ctx, normalizeMultiline),
  validate: (value, ctx) => lengthIssues(value, ctx, ctx.options.minLength, ctx.options.maxLength ?? DEFAULT_MAX),
  jsonSchema: ({ options }) => ({ type: 'string', minLength: options.minLength ?? 1, maxLength: options.maxLength ?? DEFAULT_MAX }),
  format: (value) => value.split('\n'),
  view: (ctx) =>
    singleInputView(ctx, { control: 'textarea', rows: ctx.options.rows ?? 5, maxlength: ctx.options.maxLength ?? DEFAULT_MAX }, displayText(ctx.value)),
});
