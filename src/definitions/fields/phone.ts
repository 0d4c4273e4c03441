/**
 * `phone`: a telephone number, leniently: German habits like "0341 123456", "(0341) 12 34 56",
 * "0341/123456-0" and "+49 341 123456" are all fine. Only digits, spaces and `+ ( ) / - .` are
 * allowed, `+` only at the start, and 5 to 20 digits.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { normalizeLine } from '../core/text.js';
import { displayText, readTextAnswer, singleInputView } from '../core/text-input.js';

/** Options of a `phone` field. */
export const PhoneOptionsSchema = Type.Object(
  {
    /** HTML autocomplete token; default `tel` (use `off` for someone else's number). */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]+$' })),
  },
  { additionalProperties: false },
);

/** Options of a `phone` field. */
export type PhoneOptions = Static<typeof PhoneOptionsSchema>;

/** The JSON Schema pattern and the validation are the same expression. */
const PHONE = '^\\+?[0-9 ()/.-]{5,30}$';
const PHONE_RE = new RegExp(PHONE, 'u');

/** The `phone` field type. */
export const phoneField = defineFieldType<PhoneOptions, string>({
  type: 'phone',
  optionsSchema: PhoneOptionsSchema,
  messages: defineMessages({
    format: {
      de: 'Bitte geben Sie bei „{label}“ eine Telefonnummer an, die nur aus Ziffern und den Zeichen + ( ) / - besteht, z. B. 0341 123456.',
      en: 'Please enter a telephone number for “{label}” using only digits and + ( ) / -, e.g. +49 341 123456.',
    },
    digits: {
      de: 'Die Telefonnummer bei „{label}“ muss zwischen 5 und 20 Ziffern haben.',
      en: 'The telephone number for “{label}” must have between 5 and 20 digits.',
    },
  }),
  parseForm: (input, ctx) => readFormText(input, ctx.path),
  parseJson: (value, ctx) => readTextAnswer(value, ctx, normalizeLine),
  validate(value, ctx) {
    if (!PHONE_RE.test(value)) return [ctx.issue('format')];
    const digits = value.replace(/\D/g, '').length;
    return digits >= 5 && digits <= 20 ? [] : [ctx.issue('digits')];
  },
  jsonSchema: () => ({ type: 'string', pattern: PHONE }),
  format: (value) => [value],
  view: (ctx) =>
    singleInputView(ctx, { control: 'text', type: 'tel', autocomplete: ctx.options.autocomplete ?? 'tel', width: 'm' }, displayText(ctx.value)),
});
