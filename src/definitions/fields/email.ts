/**
 * `email`: an e-mail address. The check is the one JSON Schema's `email` format uses (Ajv
 * formats), so the form, the API and the schema agree; addresses with umlauts in the local part
 * are refused because most mail systems refuse them too.
 */
import { Type, type Static } from '@sinclair/typebox';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { defineFieldType } from '../core/field-type.js';
import { readFormText } from '../core/form-input.js';
import { displayText, readTextAnswer, singleInputView } from '../core/text-input.js';

/** Options of an `email` field. */
export const EmailOptionsSchema = Type.Object(
  {
    /** HTML autocomplete token; default `email` (use `off` for someone else's address). */
    autocomplete: Type.Optional(Type.String({ pattern: '^[a-z0-9 -]+$' })),
  },
  { additionalProperties: false },
);

/** Options of an `email` field. */
export type EmailOptions = Static<typeof EmailOptionsSchema>;

const MAX = 254;
const EMAIL = fullFormats.email as RegExp;

/** The `email` field type. */
export const emailField = defineFieldType<EmailOptions, string>({
  type: 'email',
  optionsSchema: EmailOptionsSchema,
  messages: defineMessages({
    format: {
      de: 'Bitte geben Sie bei „{label}“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
      en: 'Please enter a valid e-mail address for “{label}”, e.g. name@example.com.',
    },
  }),
  parseForm: (input, ctx) => readFormText(input, ctx.path),
  // Spaces inside an address are always typos (copied from a PDF), so they go.
  parseJson: (value, ctx) => readTextAnswer(value, ctx, (s) => s.normalize('NFC').replace(/\s+/gu, '')),
  validate: (value, ctx) => (value.length <= MAX && EMAIL.test(value) ? [] : [ctx.issue('format')]),
  jsonSchema: () => ({ type: 'string', format: 'email', maxLength: MAX }),
  format: (value) => [value],
  view: (ctx) =>
    singleInputView(
      ctx,
      { control: 'text', type: 'email', inputmode: 'email', autocomplete: ctx.options.autocomplete ?? 'email', spellcheck: false, maxlength: MAX },
      displayText(ctx.value),
    ),
});
