/**
 * `number`: a number such as the count of employees or a width in metres. Typed German style
 * ("3,5", "1.200"); stored as a JSON number. `integer: true` refuses fractions.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { decimalToNumber, formatNumber, numberInputText, parseDecimalText } from '../core/german-numbers.js';
import { displayText, singleInputView } from '../core/text-input.js';
import { LocalizedSchema } from '../model/common-schemas.js';

/** Options of a `number` field. */
export const NumberOptionsSchema = Type.Object(
  {
    integer: Type.Optional(Type.Boolean()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    /** Unit shown after the input and the answer, e.g. { de: "m", en: "m" }. */
    unit: Type.Optional(LocalizedSchema),
  },
  { additionalProperties: false },
);

/** Options of a `number` field. */
export type NumberOptions = Static<typeof NumberOptionsSchema>;

const bothLocales = (n: number) => ({ de: formatNumber(n, 'de'), en: formatNumber(n, 'en') });

/** The `number` field type. */
export const numberField = defineFieldType<NumberOptions, number>({
  type: 'number',
  optionsSchema: NumberOptionsSchema,
  messages: defineMessages({
    format: {
      de: 'Bitte geben Sie bei „{label}“ eine Zahl an, z. B. 12 oder 3,5.',
      en: 'Please enter a number for “{label}”, e.g. 12 or 3.5.',
    },
    integer: { de: 'Bitte geben Sie bei „{label}“ eine ganze Zahl an.', en: 'Please enter a whole number for “{label}”.' },
    min: { de: 'Die Zahl bei „{label}“ muss mindestens {min} sein.', en: '“{label}” must be {min} or more.' },
    max: { de: 'Die Zahl bei „{label}“ darf höchstens {max} sein.', en: '“{label}” must be {max} or less.' },
  }),
  prepareOptions(options, env) {
    if (options.min !== undefined && options.max !== undefined && options.min > options.max) env.report('min', 'must not exceed max');
    return options;
  },
  parseForm(input, ctx) {
    const text = readFormText(input, ctx.path);
    if (text === undefined) return undefined;
    const decimal = parseDecimalText(text);
    return decimal ? decimalToNumber(decimal) : text;
  },
  parseJson(value, ctx) {
    if (typeof value === 'string' && value.trim() === '') return { issues: [] };
    if (typeof value !== 'number' || !Number.isFinite(value)) return { issues: [ctx.issue('format')] };
    return { value, issues: [] };
  },
  validate(value, ctx) {
    const { integer, min, max } = ctx.options;
    if (integer && !Number.isInteger(value)) return [ctx.issue('integer')];
    if (min !== undefined && value < min) return [ctx.issue('min', { min: bothLocales(min) })];
    if (max !== undefined && value > max) return [ctx.issue('max', { max: bothLocales(max) })];
    return [];
  },
  jsonSchema: ({ options }) => ({
    type: options.integer ? 'integer' : 'number',
    ...(options.min !== undefined ? { minimum: options.min } : {}),
    ...(options.max !== undefined ? { maximum: options.max } : {}),
  }),
  format: (value, ctx) => [`${formatNumber(value, ctx.locale)}${ctx.options.unit ? ` ${ctx.options.unit[ctx.locale]}` : ''}`],
  view: (ctx) =>
    singleInputView(
      ctx,
      {
        control: 'text',
        type: 'text',
        inputmode: ctx.options.integer ? 'numeric' : 'decimal',
        spellcheck: false,
        width: 's',
        ...(ctx.options.unit ? { suffix: ctx.text(ctx.options.unit) } : {}),
      },
      typeof ctx.value === 'number' ? numberInputText(ctx.value) : displayText(ctx.value),
    ),
});
