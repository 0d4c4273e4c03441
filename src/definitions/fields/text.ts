/**
 * `text`: one line of free text (a name of a business, a register number). Inner white space
 * is collapsed, so "Bäckerei  Müller " is stored as "Bäckerei Müller".
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { normalizeLine } from '../core/text.js';
import { displayText, lengthIssues, readTextAnswer, singleInputView } from '../core/text-input.js';
import { WidthSchema } from '../model/common-schemas.js';

/** Options of a `text` field. */
export const TextOptionsSchema = Type.Object(
  {
    minLength: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Default 200 characters. */
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** A regular expression (Unicode mode, as JSON Schema uses it) the whole answer must match. */
    pattern: Type.Optional(Type.String({ minLength: 1 })),
    /** HTML autocomplete token, e.g. `organization`. */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]+$' })),
    inputmode: Type.Optional(Type.Union([Type.Literal('text'), Type.Literal('numeric')])),
    spellcheck: Type.Optional(Type.Boolean()),
    width: Type.Optional(WidthSchema),
  },
  { additionalProperties: false },
);

/** Options of a `text` field. */
export type TextOptions = Static<typeof TextOptionsSchema>;

const DEFAULT_MAX = 200;

const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'u');

/** The `text` field type. */
export const textField = defineFieldType<TextOptions, string>({
  type: 'text',
  optionsSchema: TextOptionsSchema,
  messages: defineMessages({
    pattern: { de: 'Die Angabe bei „{label}“ hat nicht das erwartete Format.', en: 'The entry for “{label}” does not have the expected format.' },
  }),
  prepareOptions(options, env) {
    if (options.pattern !== undefined) {
      try {
        anchored(options.pattern);
      } catch {
        env.report('pattern', 'is not a valid regular expression');
      }
    }
    if (options.minLength !== undefined && options.minLength > (options.maxLength ?? DEFAULT_MAX)) env.report('minLength', 'must not exceed maxLength');
    return options;
  },
  parseForm: (input, ctx) => readFormText(input, ctx.path),
  parseJson: (value, ctx) => readTextAnswer(value, ctx, normalizeLine),
  validate(value, ctx) {
    const { minLength, maxLength = DEFAULT_MAX, pattern } = ctx.options;
    const issues = lengthIssues(value, ctx, minLength, maxLength);
    if (issues.length === 0 && pattern !== undefined && !anchored(pattern).test(value)) issues.push(ctx.issue('pattern'));
    return issues;
  },
  jsonSchema: ({ options }) => ({
    type: 'string',
    minLength: options.minLength ?? 1,
    maxLength: options.maxLength ?? DEFAULT_MAX,
    ...(options.pattern ? { pattern: `^(?:${options.pattern})$` } : {}),
  }),
  format: (value) => [value],
  view: (ctx) =>
    singleInputView(ctx, {
      control: 'text',
      type: 'text',
      maxlength: ctx.options.maxLength ?? DEFAULT_MAX,
      ...(ctx.options.autocomplete ? { autocomplete: ctx.options.autocomplete } : {}),
      ...(ctx.options.inputmode ? { inputmode: ctx.options.inputmode } : {}),
      ...(ctx.options.spellcheck !== undefined ? { spellcheck: ctx.options.spellcheck } : {}),
      ...(ctx.options.width ? { width: ctx.options.width } : {}),
    }, displayText(ctx.value)),
});
